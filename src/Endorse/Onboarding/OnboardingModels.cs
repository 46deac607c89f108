namespace Endorse.Onboarding;

/// <summary>Where a check-in stands today.</summary>
public enum CheckInState
{
    /// <summary>Due later than the notice period.</summary>
    Upcoming = 0,

    /// <summary>Due within the notice period, or today.</summary>
    Due = 1,

    /// <summary>Past its due day and not done.</summary>
    Overdue = 2,

    Done = 3,
}

/// <summary>One check-in as the task list shows it.</summary>
public sealed record CheckInRow(
    int Id, int PlanId, int AccountId, string AccountName, CheckInKind Kind, DateOnly DueOn, CheckInState State, DateOnly? CompletedOn, string? CompletedByName,
    string? Notes, OnboardingOutcome Outcome, DateOnly KickOffOn, OnboardingOutcome PlanOutcome, DateTimeOffset UpdatedAt);

/// <summary>A check-in as a CSV line.</summary>
public sealed record CheckInCsvRow(int Id, int AccountId, string AccountName, string CheckIn, string DueOn, string State, string? CompletedOn, string? CompletedBy, string? Outcome, string? Notes);

/// <summary>The filters of the check-in list. <see cref="OpenOnly"/> hides those done.</summary>
public sealed record CheckInFilter(CheckInState? State = null, CheckInKind? Kind = null, int? AccountId = null, string? Search = null, bool OpenOnly = false, int? CheckInId = null);

/// <summary>Recording a check-in: the day it happened (default today), notes, and at go-live or a follow-up whether the customer is happy.</summary>
public sealed record CheckInCompletion(DateOnly? CompletedOn, string? Notes, OnboardingOutcome? Outcome, DateTimeOffset? UpdatedAt = null);

/// <summary>Moving a check-in's due day.</summary>
public sealed record CheckInReschedule(DateOnly? DueOn, DateTimeOffset? UpdatedAt = null);

/// <summary>Starting a plan by hand for a customer (the kick-off day defaults to its customer-since date).</summary>
public sealed record PlanInput(int? AccountId, DateOnly? KickOffOn);

/// <summary>An account's plan with its check-ins.</summary>
public sealed record PlanView(int Id, int AccountId, string AccountName, DateOnly KickOffOn, OnboardingOutcome Outcome, DateOnly? OutcomeOn, IReadOnlyList<CheckInRow> CheckIns);

/// <summary>How many open check-ins are due and overdue (the task list's header and the home page).</summary>
public sealed record CheckInCounts(int Due, int Overdue, int Upcoming);

/// <summary>Words for the onboarding enums.</summary>
public static class OnboardingText
{
    public static string Kind(CheckInKind kind) => kind switch
    {
        CheckInKind.Introduction => "Introduction after kick-off",
        CheckInKind.MidImplementation => "Mid-implementation check",
        CheckInKind.GoLive => "Go-live satisfaction",
        CheckInKind.FollowUp => "Follow-up after an unhappy go-live",
        _ => kind.ToString(),
    };

    public static string State(CheckInState state) => state switch
    {
        CheckInState.Upcoming => "Upcoming",
        CheckInState.Due => "Due",
        CheckInState.Overdue => "Overdue",
        CheckInState.Done => "Done",
        _ => state.ToString(),
    };

    public static string Outcome(OnboardingOutcome outcome) => outcome switch
    {
        OnboardingOutcome.Happy => "Happy",
        OnboardingOutcome.Unhappy => "Unhappy",
        _ => "Not yet known",
    };

    /// <summary>Whether a kind asks whether the customer is happy.</summary>
    public static bool AsksOutcome(CheckInKind kind) => kind is CheckInKind.GoLive or CheckInKind.FollowUp;
}
