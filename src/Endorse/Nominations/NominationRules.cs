using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.Listing;
using Endorse.Requests;
using Endorse.Users;

namespace Endorse.Nominations;

/// <summary>The facts about a contact that decide whether they may be nominated now.</summary>
public sealed record NominationTarget(int ContactId, string ContactName, int AccountId, string AccountName)
{
    /// <summary>Prospect, customer or former customer (only a customer's contacts may be nominated).</summary>
    public AccountRelationship Relationship { get; init; }

    public DisclosurePermission DisclosurePermission { get; init; }

    /// <summary>The contact's advocate status, when they are enrolled.</summary>
    public AdvocateStatus? AdvocateStatus { get; init; }

    /// <summary>An open nomination of the contact (other than the one being reopened), if any.</summary>
    public int? OpenNominationId { get; init; }

    public NominationStatus? OpenNominationStatus { get; init; }

    /// <summary>
    /// The sentences of the readiness gates that block approaching the account today (the account page's, matching's
    /// and discovery's words), the no-publicity gate left out: it is refused in its own sentence.
    /// </summary>
    public IReadOnlyList<string> Gates { get; init; } = [];
}

/// <summary>Why a contact cannot be nominated: the field it concerns and a sentence; a conflict is an open nomination (409).</summary>
public sealed record NominationRefusal(string Field, string Message, bool IsConflict = false);

/// <summary>
/// Who may be nominated, what a nomination must say, and who may take which step. Plain rules, no I/O. Every reason a
/// contact may not be nominated is in <see cref="Refusals"/>, the readiness gates included.
/// </summary>
public static class NominationRules
{
    public const int MaxReason = 2000;
    public const int MaxNote = 2000;
    public const int MaxProducts = 20;

    /// <summary>A week: an open nomination waiting longer in its state is flagged.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromDays(7);

    public static readonly IReadOnlyList<NominationStatus> Open = [NominationStatus.AwaitingReview, NominationStatus.MoreInfoRequested, NominationStatus.AwaitingOwnerApproval];

    /// <summary>Whether the account is a customer (only customers' contacts may be nominated): <see cref="CustomerRule"/> decides.</summary>
    public static bool IsCustomer(NominationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return CustomerRule.IsCustomer(target.Relationship);
    }

    public static bool IsOpen(NominationStatus status) => status is NominationStatus.AwaitingReview or NominationStatus.MoreInfoRequested or NominationStatus.AwaitingOwnerApproval;

    /// <summary>Every reason the contact cannot be nominated now (none: they can).</summary>
    public static IReadOnlyList<NominationRefusal> Refusals(NominationTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var refusals = new List<NominationRefusal>();
        if (target.AdvocateStatus == Advocates.AdvocateStatus.DoNotContact)
        {
            refusals.Add(new("contactId", $"{target.ContactName} is marked do-not-contact: they must not be approached, so they cannot be nominated."));
        }
        else if (target.AdvocateStatus is { } status)
        {
            refusals.Add(new("contactId", $"{target.ContactName} is already an advocate ({StatusWords(status)}); there is nothing to nominate."));
        }

        if (!IsCustomer(target))
        {
            refusals.Add(new("contactId", CustomerRule.NotACustomer(target.AccountName, target.Relationship, "only customers' contacts can be nominated")));
        }

        if (target.DisclosurePermission == DisclosurePermission.NoPublicity)
        {
            refusals.Add(new("contactId", $"{target.AccountName} has a no-publicity policy: it does not endorse suppliers, so its people cannot be nominated."));
        }

        foreach (var gate in target.Gates)
        {
            refusals.Add(new("contactId", $"{target.AccountName} may not be approached now: {gate}"));
        }

        if (target.OpenNominationId is { } open)
        {
            refusals.Add(new("contactId", $"{target.ContactName} is already nominated (nomination #{open}, {Describe(target.OpenNominationStatus ?? NominationStatus.AwaitingReview)}); add to that one instead.", IsConflict: true));
        }

        return refusals;
    }

    /// <summary>Activities the account's disclosure permission does not allow yet: not a refusal, a note for the reference team.</summary>
    public static IReadOnlyList<string> Warnings(DisclosurePermission permission, IEnumerable<ActivityType> activities, string accountName)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var beyond = activities.Where(a => !DisclosureRules.Allows(permission, a)).Select(ActivityTypes.Plural).ToList();
        return beyond.Count == 0
            ? []
            : [$"{accountName} allows {DisclosureRules.Describe(permission)}: {string.Join(", ", beyond)} need the customer's agreement first."];
    }

    /// <summary>The shape of a nomination: kind and reason required, known activity types, a bounded product list.</summary>
    public static ValidationErrors Validate(NominationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.ContactId is not > 0)
        {
            errors.Add("contactId", "Pick the contact to nominate.");
        }

        if (input.Kind is not { } kind)
        {
            errors.Add("kind", "Say whether this is a happy customer or a pocket reference.");
        }
        else
        {
            errors.Defined("kind", kind, "Kind");
        }

        errors.Required("reason", input.Reason, "Why they would make a good advocate", MaxReason);
        foreach (var type in input.ActivityTypes ?? [])
        {
            errors.Defined("activityTypes", type, "Activity type");
        }

        if (input.ProductIds is { Count: > MaxProducts })
        {
            errors.Add("productIds", $"Pick at most {MaxProducts} products.");
        }

        if (input.ReserveForMe && input.Kind != NominationKind.PocketReference)
        {
            errors.Add("reserveForMe", "Only a pocket reference can be kept reserved for your deals.");
        }

        return errors;
    }

    /// <summary>A note a step needs (the question, the answer, the reason for declining).</summary>
    public static ValidationErrors ValidateNote(string? note, string label)
    {
        var errors = new ValidationErrors();
        errors.Required("note", note, label, MaxNote);
        return errors;
    }

    /// <summary>Whether the account owner must approve the approach: there is an owner, and neither the nominator nor the approving reviewer is that owner.</summary>
    public static bool NeedsOwnerApproval(string? ownerId, string nominatorId, string? reviewerId) =>
        ownerId is not null && ownerId != nominatorId && ownerId != reviewerId;

    public static bool IsReferenceTeam(RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Roles.Contains(Roles.ReferenceManager) || actor.Roles.Contains(Roles.Administrator);
    }

    /// <summary>Who may read a nomination: the nominator, the reference team and the account owner whose approval it asks (or the account's owner).</summary>
    public static bool MaySee(string nominatorId, string? approvingOwnerId, string? accountOwnerId, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return IsReferenceTeam(actor) || actor.UserId == nominatorId || (actor.UserId.Length > 0 && (actor.UserId == approvingOwnerId || actor.UserId == accountOwnerId));
    }

    /// <summary>The steps the actor may take on a nomination in its state.</summary>
    public static IReadOnlyList<string> ActionsFor(NominationStatus status, string nominatorId, string? ownerId, DateOnly? reservedUntil, DateOnly today, RequestActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var team = IsReferenceTeam(actor);
        var nominator = actor.UserId == nominatorId;
        var owner = ownerId is not null && actor.UserId == ownerId;
        var actions = new List<string>();
        switch (status)
        {
            case NominationStatus.AwaitingReview or NominationStatus.MoreInfoRequested when team:
                actions.Add("approve");
                if (status == NominationStatus.AwaitingReview)
                {
                    actions.Add("ask");
                }

                actions.Add("decline");
                break;
            case NominationStatus.AwaitingOwnerApproval when owner || actor.Roles.Contains(Roles.Administrator):
                actions.AddRange(["owner-approve", "owner-decline"]);
                break;
            case NominationStatus.AwaitingOwnerApproval when team:
                actions.Add("decline");
                break;
            case NominationStatus.Declined when team:
                actions.Add("reopen");
                break;
            case NominationStatus.Approved when reservedUntil is { } until && until >= today && (team || nominator):
                actions.Add("release");
                break;
        }

        if (nominator && status == NominationStatus.MoreInfoRequested)
        {
            actions.Add("answer");
        }

        if (nominator && IsOpen(status))
        {
            actions.Add("withdraw");
        }

        return actions;
    }

    /// <summary>Why a step is not possible in the nomination's state.</summary>
    public static string Refusal(NominationStatus status, string step) =>
        $"This nomination is {Describe(status)}; it cannot be {step} now.";

    public static string Describe(NominationStatus status) => status switch
    {
        NominationStatus.AwaitingReview => "waiting for the reference team's review",
        NominationStatus.MoreInfoRequested => "waiting for the nominator's answer",
        NominationStatus.AwaitingOwnerApproval => "waiting for the account owner's approval",
        NominationStatus.Approved => "approved",
        NominationStatus.Declined => "declined",
        NominationStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    /// <summary>Open and in its state for more than a week.</summary>
    public static bool WaitingTooLong(NominationStatus status, DateTimeOffset waitingSince, DateTimeOffset now) =>
        IsOpen(status) && now - waitingSince > WaitLimit;

    private static string StatusWords(AdvocateStatus status) => status switch
    {
        Advocates.AdvocateStatus.Candidate => "a candidate",
        Advocates.AdvocateStatus.Active => "active",
        Advocates.AdvocateStatus.Resting => "resting",
        Advocates.AdvocateStatus.Retired => "retired",
        _ => status.ToString(),
    };
}
