using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.Listing;

namespace Endorse.Requests;

/// <summary>Validation and who-may-do-what of reference requests. Plain rules, no I/O.</summary>
public static class RequestRules
{
    public const int MaxProspectName = 255;
    public const int MaxProducts = 20;
    public const int MaxLanguage = 35;

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

        if (input.ProductIds is { Count: > MaxProducts })
        {
            errors.Add(nameof(RequestInput.ProductIds), $"Pick at most {MaxProducts} products.");
        }

        errors.MaxLength(nameof(RequestInput.Language), input.Language, "Language", MaxLanguage);
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

    public static ValidationErrors ValidateAdvocateFeedback(AdvocateFeedbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.Rating is null)
        {
            errors.Add(nameof(AdvocateFeedbackInput.Rating), "Rating is required (1–5).");
        }

        errors.Range(nameof(AdvocateFeedbackInput.Rating), input.Rating, 1, 5, "Rating");
        errors.MaxLength(nameof(AdvocateFeedbackInput.Comment), input.Comment, "Comment", 4000);
        return errors;
    }

    /// <summary>How many more advocates a request takes: those needed minus those still on it (not blocked, declined, cancelled or a no-show).</summary>
    public static int StillNeeded(int advocatesNeeded, IEnumerable<ParticipantStatus> participants) =>
        Math.Max(0, advocatesNeeded - participants.Count(RequestWorkflow.IsLive));

    /// <summary>Why <paramref name="picked"/> more advocates cannot be proposed, or null when they can.</summary>
    public static string? ProposalLimit(int advocatesNeeded, IEnumerable<ParticipantStatus> participants, int picked)
    {
        ArgumentNullException.ThrowIfNull(participants);
        var statuses = participants.ToList();
        var open = StillNeeded(advocatesNeeded, statuses);
        if (picked <= open)
        {
            return null;
        }

        var on = statuses.Count(RequestWorkflow.IsLive);
        return open == 0
            ? $"This request already has the {Advocates(advocatesNeeded)} it needs."
            : $"This request needs {Advocates(advocatesNeeded)} and has {on}: pick at most {open} more.";
    }

    /// <summary>
    /// Why an advocate may not be proposed, or null when they may: they must do the activity and the fatigue policy
    /// must let them be booked today, or by the needed-by date when only rules with an end date block them now.
    /// </summary>
    public static string? ProposalBlock(bool doesActivity, ActivityType type, FatigueResult check, DateOnly neededBy, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!doesActivity)
        {
            return $"does not do {ActivityTypes.Plural(type)}.";
        }

        if (check.CanBook || (check.NextFreeOn is { } free && free <= neededBy && neededBy >= today))
        {
            return null;
        }

        return string.Join(" ", check.Messages);
    }

    /// <summary>Whether a booked activity has begun, so whether it happened can be told.</summary>
    public static bool HasStarted(DateTimeOffset? scheduledStart, DateTimeOffset now) => scheduledStart is { } start && start <= now;

    /// <summary>A reference manager records the advocate's feedback (given by phone or mail) once the activity is completed.</summary>
    public static bool MayRecordAdvocateFeedback(ParticipantStatus status, bool given, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return status == ParticipantStatus.Completed && !given && actor.IsReferenceManager;
    }

    /// <summary>
    /// Who may read a request (its prospect, criteria, advocates and history): the requester, the reference managers,
    /// sales managers and executives, and the owner of any proposed advocate's account (they approve the approach).
    /// </summary>
    /// <remarks>The same rule for queries is <see cref="RequestVisibility.Readable"/>; both take the roles from <see cref="SeesEveryRequest"/>.</remarks>
    public static bool MaySee(string requesterId, IEnumerable<string?> advocateAccountOwnerIds, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(advocateAccountOwnerIds);
        ArgumentNullException.ThrowIfNull(actor);
        return SeesEveryRequest(actor)
            || actor.UserId == requesterId
            || advocateAccountOwnerIds.Contains(actor.UserId);
    }

    /// <summary>The roles that read every request: reference managers (and administrators), sales managers and executives.</summary>
    public static bool SeesEveryRequest(RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsReferenceManager
            || actor.Roles.Contains(Users.Roles.SalesManager)
            || actor.Roles.Contains(Users.Roles.Executive);
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

    /// <summary>
    /// The actions the actor may take on one approach now: approve, block, ask, schedule, complete, no-show, cancel.
    /// How it went (complete, no-show) is recorded once the booked time has come (<paramref name="started"/>).
    /// </summary>
    public static IReadOnlyList<string> ActionsFor(ParticipantStatus status, FulfilmentMode mode, string requesterId, string? accountOwnerId, RequestActor actor, bool started)
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

        if (status == ParticipantStatus.Scheduled && requesterOrManager && started)
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

    private static string Advocates(int count) => count == 1 ? "1 advocate" : $"{count} advocates";
}
