using Endorse.Audit;

namespace Endorse.Onboarding;

/// <summary>The check-ins of a new customer's onboarding, in order.</summary>
public enum CheckInKind
{
    /// <summary>The reference manager introduces themselves after the kick-off (no asking yet).</summary>
    Introduction = 1,

    /// <summary>A check during the implementation: is all well, can we help?</summary>
    MidImplementation = 2,

    /// <summary>Satisfaction at go-live: its outcome decides whether the customer is a candidate or gated.</summary>
    GoLive = 3,

    /// <summary>After an unhappy go-live: keep in touch and check again when the gate ends.</summary>
    FollowUp = 4,
}

/// <summary>How the onboarding ended.</summary>
public enum OnboardingOutcome
{
    Pending = 0,
    Happy = 1,
    Unhappy = 2,
}

/// <summary>A new customer's check-in plan for the reference manager: one a customer, made when it becomes one.</summary>
public class OnboardingPlan : IAudited
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Accounts.Account? Account { get; set; }

    /// <summary>The day the customer's project starts (its customer-since date); the check-ins are due from it.</summary>
    public DateOnly KickOffOn { get; set; }

    public OnboardingOutcome Outcome { get; set; }
    public DateOnly? OutcomeOn { get; set; }

    /// <summary>The reference manager who owns the plan; null: every reference manager is told.</summary>
    public string? OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<CheckIn> CheckIns { get; set; } = [];
}

/// <summary>One check-in of a plan: due on a day, done with notes (and, at go-live, whether the customer is happy).</summary>
public class CheckIn : IAudited
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int AccountId { get; set; }
    public CheckInKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletedById { get; set; }
    public string? CompletedByName { get; set; }
    public string? Notes { get; set; }

    /// <summary>At go-live (and a follow-up): happy or unhappy.</summary>
    public OnboardingOutcome Outcome { get; set; }

    /// <summary>The day the "due" notice went out (once), and the "overdue" one.</summary>
    public DateOnly? DueNoticeOn { get; set; }

    public DateOnly? OverdueNoticeOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
