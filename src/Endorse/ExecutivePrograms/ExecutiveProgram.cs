using Endorse.Audit;

namespace Endorse.ExecutivePrograms;

/// <summary>The four models of programs for senior customer executives.</summary>
public enum ExecutiveProgramKind
{
    /// <summary>Company executives paired with their customer equivalents.</summary>
    Peering = 1,

    /// <summary>One-to-one or group briefings for customer executives' planning.</summary>
    Briefing = 2,

    /// <summary>Regular discussions of topical subjects with business leaders.</summary>
    Panel = 3,

    /// <summary>Scheduled networking events of company and customer executives.</summary>
    Club = 4,
}

/// <summary>A company program for senior customer executives: its members are prime candidates for advocacy.</summary>
public class ExecutiveProgram : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string NameSearch { get; set; } = string.Empty;
    public ExecutiveProgramKind Kind { get; set; }
    public string? Description { get; set; }

    /// <summary>The employee who runs it (often in marketing or sales).</summary>
    public string? OwnerId { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A meeting, briefing, panel or club evening of a program.</summary>
public class ExecutiveProgramEvent : IAudited
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    public string? Location { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A member who took part in an event.</summary>
public class ExecutiveEventAttendance
{
    public int EventId { get; set; }
    public int MemberId { get; set; }
}

/// <summary>A customer executive taking part in a program, paired with a company executive (a user).</summary>
public class ExecutiveProgramMember : IAudited
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public int ContactId { get; set; }
    public Contacts.Contact? Contact { get; set; }

    /// <summary>The contact's account, kept so discovery and lists need no join.</summary>
    public int AccountId { get; set; }

    /// <summary>The company executive paired with them.</summary>
    public required string CompanyExecutiveId { get; set; }

    public DateOnly JoinedOn { get; set; }

    /// <summary>The day they left; null while a member.</summary>
    public DateOnly? LeftOn { get; set; }

    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>What a member committed to do.</summary>
public enum CommitmentKind
{
    Blog = 1,
    CaseStudy = 2,
    Talk = 3,
    ReferenceCall = 4,
}

public enum CommitmentStatus
{
    Open = 0,
    Delivered = 1,
    Dropped = 2,
}

/// <summary>A commitment a member made in a program (a blog, a case study, a talk, a reference call), tracked to delivery.</summary>
public class ExecutiveCommitment : IAudited
{
    public int Id { get; set; }
    public int ProgramId { get; set; }
    public int MemberId { get; set; }
    public int ContactId { get; set; }
    public int AccountId { get; set; }
    public CommitmentKind Kind { get; set; }
    public string? Description { get; set; }
    public DateOnly DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    public DateOnly? DeliveredOn { get; set; }

    /// <summary>Where the delivered piece is, or why it was dropped.</summary>
    public string? Outcome { get; set; }

    /// <summary>The day the reminder before the due date went out (once), and the overdue notice.</summary>
    public DateOnly? ReminderOn { get; set; }

    public DateOnly? OverdueNoticeOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
