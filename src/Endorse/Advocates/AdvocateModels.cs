using Endorse.Accounts;
using Endorse.Fatigue;
using Endorse.Requests;

namespace Endorse.Advocates;

/// <summary>The filters of the advocate list.</summary>
public sealed record AdvocateFilter(
    string? Search = null,
    AdvocateStatus? Status = null,
    ActivityType? ActivityType = null,
    int? ProductId = null,
    int? AccountId = null);

/// <summary>One row of the advocate list.</summary>
public sealed record AdvocateListRow(
    int Id,
    int ContactId,
    string? FirstName,
    string LastName,
    string? Title,
    int AccountId,
    string AccountName,
    AdvocateStatus Status,
    DateOnly? RestingUntil,
    int ActivityTypeBits,
    DateTimeOffset EnrolledAt)
{
    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";

    public IReadOnlyList<ActivityType> ActivityTypes => ActivityTypeSet.Expand(ActivityTypeBits);
}

/// <summary>A date range the advocate must not be asked for, as entered.</summary>
public sealed class BlackoutInput
{
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// What a person enters to enrol a contact or change an advocate's profile and preferences.
/// <see cref="ContactId"/> is read on enrolment only.
/// </summary>
public sealed class AdvocateInput
{
    public int ContactId { get; set; }
    public List<ActivityType> ActivityTypes { get; set; } = [];
    public List<int> ProductIds { get; set; } = [];
    public string? Languages { get; set; }
    public string? Topics { get; set; }
    public int? MaxActivitiesPerQuarter { get; set; }
    public List<BlackoutInput> Blackouts { get; set; } = [];
    public ContactChannel PreferredChannel { get; set; }
    public string? Notes { get; set; }

    public static AdvocateInput From(AdvocateDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new()
        {
            ContactId = details.ContactId,
            ActivityTypes = [.. details.ActivityTypes],
            ProductIds = details.Products.Select(p => p.Id).ToList(),
            Languages = details.Languages,
            Topics = details.Topics,
            MaxActivitiesPerQuarter = details.MaxActivitiesPerQuarter,
            Blackouts = details.Blackouts.Select(b => new BlackoutInput { From = b.From, To = b.To, Reason = b.Reason }).ToList(),
            PreferredChannel = details.PreferredChannel,
            Notes = details.Notes,
        };
    }
}

/// <summary>Enrol several contacts at once with the same profile and starting status.</summary>
public sealed class BulkEnrolInput
{
    public List<int> ContactIds { get; set; } = [];
    public AdvocateInput? Profile { get; set; }

    /// <summary>Candidate (the default: to be vetted) or Active (ready to be asked now).</summary>
    public AdvocateStatus InitialStatus { get; set; } = AdvocateStatus.Candidate;
}

/// <summary>
/// What happened to each contact of a bulk enrolment: enrolled now, already an advocate before (left unchanged),
/// or skipped with the reason.
/// </summary>
public sealed record BulkEnrolResult(IReadOnlyList<BulkEnrolled> Enrolled, IReadOnlyList<BulkEnrolled> AlreadyEnrolled, IReadOnlyList<BulkSkipped> Skipped);

public sealed record BulkEnrolled(int ContactId, string Name, int AdvocateId);

public sealed record BulkSkipped(int ContactId, string? Name, string Reason);

/// <summary>A change of status. Resting needs <see cref="RestingUntil"/> or <see cref="UntilFurtherNotice"/>.</summary>
public sealed class StatusChangeInput
{
    public AdvocateStatus Status { get; set; }
    public DateOnly? RestingUntil { get; set; }
    public bool UntilFurtherNotice { get; set; }
    public string? Reason { get; set; }
}

public sealed record NamedItem(int Id, string Name);

public sealed record BlackoutView(DateOnly From, DateOnly To, string? Reason);

public sealed record StatusChangeView(AdvocateStatus? From, AdvocateStatus To, DateOnly? RestingUntil, DateTimeOffset At, string? ByName, string? Reason);

/// <summary>
/// One activity of the usage timeline. For a request the reader may not read, <see cref="RequestId"/> and
/// <see cref="Quality"/> are left out and <see cref="RequestHidden"/> says so: the activity still counts against the caps.
/// </summary>
public sealed record ActivityView(long Id, ActivityType ActivityType, DateOnly OccurredOn, Activities.AdvocacyActivityState State, int? RequestId, int? Quality)
{
    public bool RequestHidden { get; init; }
}

public sealed record ParticipationView(int Id, int RequestId, ActivityType ActivityType, string? ProspectName, string? RequesterName, RequestStatus RequestStatus, ParticipantStatus Status, DateOnly NeededBy, DateTimeOffset? ScheduledStart, DateTimeOffset CreatedAt);

/// <summary>The fatigue gauge: used of allowed in the window, and the first day the advocate can be booked.</summary>
public sealed record FatigueGauge(ActivityType ActivityType, int Used, int? Allowed, int WindowDays, bool CalendarQuarter, double Ratio, DateOnly? NextFreeOn, IReadOnlyList<string> Blocks);

/// <summary>A reason the account is not ready for advocacy, with the sentence a reference manager reads.</summary>
public sealed record ReadinessGate(BlockReasons Reason, string Message);

/// <summary>Everything the advocate page shows.</summary>
public sealed record AdvocateDetails(
    int Id,
    int ContactId,
    string? FirstName,
    string LastName,
    string? Email,
    string? Title,
    int AccountId,
    string AccountName,
    DisclosurePermission DisclosurePermission,
    int OpenEscalations,
    SatisfactionKind SatisfactionKind,
    int? SatisfactionScore,
    DateOnly? RenewalOn,
    AdvocateStatus Status,
    DateOnly? RestingUntil,
    IReadOnlyList<ActivityType> ActivityTypes,
    IReadOnlyList<NamedItem> Products,
    string? Languages,
    string? Topics,
    int? MaxActivitiesPerQuarter,
    IReadOnlyList<BlackoutView> Blackouts,
    ContactChannel PreferredChannel,
    string? Notes,
    DateTimeOffset EnrolledAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<StatusChangeView> History,
    IReadOnlyList<ActivityView> Timeline,
    IReadOnlyList<ParticipationView> Participations,
    FatigueGauge Gauge,
    IReadOnlyList<ReadinessGate> Gates)
{
    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";

    /// <summary>How many more requests the advocate took part in that the reader may not read (not listed in <see cref="Participations"/>).</summary>
    public int OtherRequests { get; init; }
}

/// <summary>One line of the advocate CSV export.</summary>
public sealed record AdvocateCsvRow(int Id, int ContactId, string Name, string? Title, int AccountId, string AccountName, AdvocateStatus Status, DateOnly? RestingUntil, string ActivityTypes, DateTimeOffset EnrolledAt)
{
    public static AdvocateCsvRow From(AdvocateListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.ContactId, row.DisplayName, row.Title, row.AccountId, row.AccountName, row.Status, row.RestingUntil, string.Join("; ", row.ActivityTypes.Select(Formatting.Words.Label)), row.EnrolledAt);
    }
}
