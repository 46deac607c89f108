namespace Endorse.ExecutivePrograms;

public sealed record ProgramInput(string? Name, ExecutiveProgramKind? Kind, string? Description, string? OwnerId, bool IsActive = true, DateTimeOffset? UpdatedAt = null);

public sealed record ProgramRow(int Id, string Name, ExecutiveProgramKind Kind, string? Description, string? OwnerId, string? OwnerName, bool IsActive, int Members, int OpenCommitments, DateOnly? NextEvent, DateTimeOffset UpdatedAt);

public sealed record ProgramCsvRow(int Id, string Name, string Kind, string? Owner, bool Active, int Members, int OpenCommitments, string? NextEvent, string? Description);

public sealed record ProgramFilter(ExecutiveProgramKind? Kind = null, bool? Active = null, string? Search = null, int? Id = null);

public sealed record MemberInput(int? ContactId, string? CompanyExecutiveId, DateOnly? JoinedOn, string? Notes);

public sealed record MemberRow(
    int Id, int ProgramId, int ContactId, string ContactName, string? Title, Contacts.SeniorityTier SeniorityTier, int AccountId, string AccountName,
    string CompanyExecutiveId, string? CompanyExecutiveName, DateOnly JoinedOn, DateOnly? LeftOn, string? Notes, bool IsAdvocate, DateTimeOffset UpdatedAt);

public sealed record EventInput(string? Title, DateOnly? HeldOn, string? Location, string? Notes, IReadOnlyList<int>? AttendeeMemberIds);

public sealed record EventRow(int Id, int ProgramId, string Title, DateOnly HeldOn, string? Location, string? Notes, IReadOnlyList<int> AttendeeMemberIds, IReadOnlyList<string> Attendees);

public sealed record CommitmentInput(int? MemberId, CommitmentKind? Kind, string? Description, DateOnly? DueOn);

/// <summary>Closing a commitment: delivered (with where it is) or dropped (with why); or a new due day.</summary>
public sealed record CommitmentUpdate(CommitmentStatus? Status, DateOnly? DeliveredOn, string? Outcome, DateOnly? DueOn, DateTimeOffset? UpdatedAt);

public sealed record CommitmentRow(
    int Id, int ProgramId, string ProgramName, int MemberId, int ContactId, string ContactName, int AccountId, string AccountName, CommitmentKind Kind, string? Description,
    DateOnly DueOn, CommitmentStatus Status, DateOnly? DeliveredOn, string? Outcome, bool Overdue, string? CompanyExecutiveName, DateTimeOffset UpdatedAt);

public sealed record CommitmentCsvRow(int Id, string Program, string Member, string Account, string Kind, string? Description, string DueOn, string Status, string? DeliveredOn, string? Outcome, string? CompanyExecutive);

public sealed record CommitmentFilter(int? ProgramId = null, CommitmentStatus? Status = null, bool OverdueOnly = false, CommitmentKind? Kind = null, string? Search = null, int? Id = null);

public sealed record ProgramDetails(ProgramRow Program, IReadOnlyList<MemberRow> Members, IReadOnlyList<EventRow> Events, IReadOnlyList<CommitmentRow> Commitments, bool MayManage);

/// <summary>Words for the executive-program enums.</summary>
public static class ExecutiveProgramText
{
    public static string Kind(ExecutiveProgramKind kind) => kind switch
    {
        ExecutiveProgramKind.Peering => "Peering",
        ExecutiveProgramKind.Briefing => "Briefing",
        ExecutiveProgramKind.Panel => "Panel",
        ExecutiveProgramKind.Club => "Club",
        _ => kind.ToString(),
    };

    public static string KindHint(ExecutiveProgramKind kind) => kind switch
    {
        ExecutiveProgramKind.Peering => "Company executives paired with their customer equivalents.",
        ExecutiveProgramKind.Briefing => "Briefings that help customer executives plan.",
        ExecutiveProgramKind.Panel => "Regular discussions of topical subjects with business leaders.",
        ExecutiveProgramKind.Club => "Networking events for company and customer executives.",
        _ => string.Empty,
    };

    public static string Commitment(CommitmentKind kind) => kind switch
    {
        CommitmentKind.Blog => "Blog",
        CommitmentKind.CaseStudy => "Case study",
        CommitmentKind.Talk => "Talk",
        CommitmentKind.ReferenceCall => "Reference call",
        _ => kind.ToString(),
    };

    public static string Status(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Open => "Open",
        CommitmentStatus.Delivered => "Delivered",
        CommitmentStatus.Dropped => "Dropped",
        _ => status.ToString(),
    };
}
