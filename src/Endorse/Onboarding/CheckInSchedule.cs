using Endorse.Settings;

namespace Endorse.Onboarding;

/// <summary>The check-in plan's rules: due days from the kick-off, and where a check-in stands on a day. Pure.</summary>
public static class CheckInSchedule
{
    /// <summary>The three check-ins of a new plan and their due days.</summary>
    public static IReadOnlyList<(CheckInKind Kind, DateOnly DueOn)> Plan(DateOnly kickOff, SourcingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return
        [
            (CheckInKind.Introduction, kickOff.AddDays(settings.IntroductionDays)),
            (CheckInKind.MidImplementation, kickOff.AddDays(settings.MidImplementationDays)),
            (CheckInKind.GoLive, kickOff.AddDays(settings.GoLiveDays)),
        ];
    }

    /// <summary>Whether an account that became a customer on <paramref name="customerSince"/> gets a plan today.</summary>
    public static bool IsNewCustomer(DateOnly? customerSince, DateOnly today, SourcingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return customerSince is { } since && since <= today && since >= today.AddDays(-settings.NewCustomerDays);
    }

    public static CheckInState State(DateOnly dueOn, DateOnly? completedOn, DateOnly today, int noticeDays) =>
        completedOn is not null ? CheckInState.Done
        : dueOn < today ? CheckInState.Overdue
        : dueOn <= today.AddDays(noticeDays) ? CheckInState.Due
        : CheckInState.Upcoming;

    /// <summary>Whether the "due" notice should go out today (once: <paramref name="noticedOn"/> is the day it went).</summary>
    public static bool DueNotice(DateOnly dueOn, DateOnly? completedOn, DateOnly? noticedOn, DateOnly today, int noticeDays) =>
        completedOn is null && noticedOn is null && dueOn >= today && dueOn <= today.AddDays(noticeDays);

    /// <summary>Whether the "overdue" notice should go out today (once).</summary>
    public static bool OverdueNotice(DateOnly dueOn, DateOnly? completedOn, DateOnly? noticedOn, DateOnly today) =>
        completedOn is null && noticedOn is null && dueOn < today;

    /// <summary>The follow-up after an unhappy go-live: due the day the unhappy gate ends.</summary>
    public static DateOnly FollowUpDue(DateOnly unhappyOn, SourcingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return unhappyOn.AddDays(Math.Max(1, settings.UnhappyGateDays) - 1);
    }
}
