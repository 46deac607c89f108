using Endorse.Audit;

namespace Endorse.Hygiene;

/// <summary>The six questions a program should answer yes to.</summary>
public enum HygieneQuestion
{
    ExecutiveSponsorship = 1,
    StandingAgendaItem = 2,
    ManagersTargets = 3,
    AdvocacyInContracts = 4,
    ReferenceTeamAndSales = 5,
    AdvocacyKit = 6,
}

public enum HygieneAnswerValue
{
    No = 0,
    Partly = 1,
    Yes = 2,
}

/// <summary>One answer to a hygiene question, with its evidence and date. Answers are kept: the history shows progress.</summary>
public class HygieneAnswer : IAudited
{
    public int Id { get; set; }
    public HygieneQuestion Question { get; set; }
    public HygieneAnswerValue Answer { get; set; }
    public required string Evidence { get; set; }

    /// <summary>The day the answer holds from.</summary>
    public DateOnly AnsweredOn { get; set; }

    public string? ById { get; set; }
    public string? ByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The advocacy kit: a one-page guide (Markdown) for customer-facing staff on how to ask for advocacy. One row.</summary>
public class AdvocacyKit : IAudited
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? UpdatedById { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
