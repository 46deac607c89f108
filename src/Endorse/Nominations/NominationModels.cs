using Endorse.Accounts;
using Endorse.Advocates;

namespace Endorse.Nominations;

/// <summary>What a person fills in to nominate a contact: who, which kind, why, and what they would do.</summary>
public sealed class NominationInput
{
    public int? ContactId { get; set; }
    public NominationKind? Kind { get; set; }
    public string? Reason { get; set; }
    public List<ActivityType>? ActivityTypes { get; set; } = [];
    public List<int>? ProductIds { get; set; } = [];

    /// <summary>For a pocket reference: keep the advocate for the nominator's own deals for the configured days after approval.</summary>
    public bool ReserveForMe { get; set; }
}

/// <summary>A note sent with a step: the question asked, the answer given, or the reason for declining.</summary>
public sealed record NominationNote(string? Note);

/// <summary>Which nominations a list shows.</summary>
public enum NominationView
{
    /// <summary>The caller's own nominations.</summary>
    Mine = 0,

    /// <summary>The reference manager's queue (every nomination; open ones by default on the page).</summary>
    Queue = 1,

    /// <summary>Nominations at accounts the caller owns.</summary>
    MyAccounts = 2,
}

/// <summary>The filters of the nomination lists.</summary>
public sealed record NominationFilter(
    NominationView View = NominationView.Mine,
    NominationStatus? Status = null,
    NominationKind? Kind = null,
    bool OpenOnly = false,
    bool WaitingTooLong = false,
    string? Search = null);

/// <summary>One row of a nomination list.</summary>
public sealed record NominationRow(
    int Id,
    int ContactId,
    string ContactName,
    int AccountId,
    string AccountName,
    NominationKind Kind,
    NominationStatus Status,
    string? NominatorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset WaitingSince,
    int? AdvocateId,
    DateOnly? ReservedUntil)
{
    /// <summary>Open and waiting in its state for more than a week.</summary>
    public bool WaitingTooLong { get; init; }
}

/// <summary>A nomination row as a CSV line.</summary>
public sealed record NominationCsvRow(
    int Id, string Contact, string Account, string Kind, string Status, string? Nominator, string Created, string WaitingSince, bool WaitingOverAWeek, int? AdvocateId, string? ReservedUntil);

/// <summary>One step of the history, as shown.</summary>
public sealed record NominationEventView(DateTimeOffset At, string From, string To, string? ByName, string? Note);

/// <summary>A nomination with what the caller may do next.</summary>
public sealed record NominationDetails(
    int Id,
    int ContactId,
    string ContactName,
    string? ContactTitle,
    int AccountId,
    string AccountName,
    DisclosurePermission DisclosurePermission,
    NominationKind Kind,
    string Reason,
    IReadOnlyList<ActivityType> ActivityTypes,
    IReadOnlyList<NamedItem> Products,
    bool ReserveForNominator,
    string NominatorId,
    string? NominatorName,
    NominationStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset WaitingSince,
    string? Question,
    string? OwnerId,
    string? OwnerName,
    string? DeclineReason,
    int? AdvocateId,
    DateOnly? ReservedUntil,
    IReadOnlyList<NominationEventView> History,
    IReadOnlyList<string> Actions)
{
    public bool WaitingTooLong { get; init; }

    /// <summary>Notes for the reference team: activities the account's disclosure permission does not allow yet.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Whether a contact can be nominated now, before anyone types: who they are, why not (if not), what to note, the
/// account's products (a good default), and whether the account owner will be asked to approve.
/// </summary>
public sealed record NominationCheck(
    int ContactId,
    string ContactName,
    string? ContactTitle,
    int AccountId,
    string AccountName,
    IReadOnlyList<string> Refusals,
    IReadOnlyList<NamedItem> AccountProducts,
    string? OwnerName,
    bool OwnerApprovalNeeded)
{
    public bool CanNominate => Refusals.Count == 0;

    /// <summary>An open nomination of the contact, when that is why they cannot be nominated.</summary>
    public int? OpenNominationId { get; init; }
}

/// <summary>The nomination an advocate came from: shown on the advocate's page for ever.</summary>
public sealed record SourcedBy(int NominationId, NominationKind Kind, string NominatorId, string? NominatorName, DateTimeOffset? ApprovedAt, DateOnly? ReservedUntil);

/// <summary>The caller's place in the pool: the rules, whether they contribute, and what that means, in a sentence.</summary>
public sealed record PoolStanding(PoolRulesSettings Rules, int ApprovedNominations, bool Contributor, bool Narrowed, string Explanation);
