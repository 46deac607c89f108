using Endorse.Advocates;
using Endorse.Listing;

namespace Endorse.Requests;

/// <summary>Validation and who-may-do-what of reference requests. Plain rules, no I/O.</summary>
public static class RequestRules
{
    public const int MaxProspectName = 255;

    public static ValidationErrors Validate(RequestInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.OpportunityId is null && string.IsNullOrWhiteSpace(input.ProspectName))
        {
            errors.Add(nameof(RequestInput.ProspectName), "Pick an opportunity or type the prospect's name.");
        }

        errors.MaxLength(nameof(RequestInput.ProspectName), input.ProspectName, "Prospect name", MaxProspectName);
        if (input.ActivityType is not { } type)
        {
            errors.Add(nameof(RequestInput.ActivityType), "Activity type is required.");
        }
        else
        {
            errors.Defined(nameof(RequestInput.ActivityType), type, "Activity type");
        }

        errors.Range(nameof(RequestInput.AdvocatesNeeded), input.AdvocatesNeeded, 1, 10, "Advocates needed");
        if (input.NeededBy is not { } neededBy)
        {
            errors.Add(nameof(RequestInput.NeededBy), "Needed by is required.");
        }
        else if (neededBy < today)
        {
            errors.Add(nameof(RequestInput.NeededBy), $"Needed by cannot be in the past (today is {today:yyyy-MM-dd}).");
        }

        if (input.SizeBand is { } size)
        {
            errors.Defined(nameof(RequestInput.SizeBand), size, "Size band");
        }

        if (input.MinimumSeniority is { } seniority)
        {
            errors.Defined(nameof(RequestInput.MinimumSeniority), seniority, "Minimum seniority");
        }

        errors.MaxLength(nameof(RequestInput.Language), input.Language, "Language", 50);
        errors.MaxLength(nameof(RequestInput.Notes), input.Notes, "Notes", 4000);
        return errors;
    }

    public static ValidationErrors ValidateFeedback(FeedbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.Happened is null)
        {
            errors.Add(nameof(FeedbackInput.Happened), "Say whether it happened.");
        }

        if (input.Happened == true && input.Quality is null)
        {
            errors.Add(nameof(FeedbackInput.Quality), "Quality is required (1–5).");
        }

        errors.Range(nameof(FeedbackInput.Quality), input.Quality, 1, 5, "Quality");
        errors.MaxLength(nameof(FeedbackInput.Comment), input.Comment, "Comment", 4000);
        return errors;
    }

    /// <summary>Who picks advocates: the reference manager; in self-serve mode also the requester.</summary>
    public static bool MayPick(FulfilmentMode mode, string requesterId, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsReferenceManager || (mode == FulfilmentMode.SelfServe && actor.UserId == requesterId);
    }

    /// <summary>Only the account owner or a reference manager approves or blocks an approach.</summary>
    public static bool Approver(ReferenceRequest request, string? accountOwnerId, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsReferenceManager || (accountOwnerId is not null && accountOwnerId == actor.UserId);
    }

    public static bool RequesterOrManager(ReferenceRequest request, string? accountOwnerId, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsReferenceManager || request.RequesterId == actor.UserId;
    }

    /// <summary>The actions the actor may take on one approach now: approve, block, ask, schedule, complete, no-show, cancel.</summary>
    public static IReadOnlyList<string> ActionsFor(ParticipantStatus status, FulfilmentMode mode, string requesterId, string? accountOwnerId, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var actions = new List<string>();
        var manager = actor.IsReferenceManager;
        var requesterOrManager = manager || actor.UserId == requesterId;
        var approver = manager || (accountOwnerId is not null && accountOwnerId == actor.UserId);
        if (status == ParticipantStatus.AwaitingOwnerApproval && approver)
        {
            actions.Add("approve");
            actions.Add("block");
        }

        if (status == ParticipantStatus.Asked && MayPick(mode, requesterId, actor))
        {
            actions.Add("ask");
        }

        if (status == ParticipantStatus.Accepted && requesterOrManager)
        {
            actions.Add("schedule");
        }

        if (status == ParticipantStatus.Scheduled && requesterOrManager)
        {
            actions.Add("complete");
            actions.Add("no-show");
        }

        if (RequestWorkflow.CanMove(status, ParticipantStatus.Cancelled) && requesterOrManager)
        {
            actions.Add("cancel");
        }

        return actions;
    }

    /// <summary>A short label of an activity type for forms and lists.</summary>
    public static string Label(ActivityType type) => ActivityTypes.Singular(type);
}
