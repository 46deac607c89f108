using Endorse.Advocates;
using Endorse.Fatigue;
using MudBlazor;

namespace Endorse.Web.Features.Advocates;

/// <summary>Display text for the advocate pages.</summary>
public static class AdvocateText
{
    public static string Status(AdvocateStatus status, DateOnly? restingUntil = null, Endorse.Formatting.PersonalFormat? format = null) => status switch
    {
        AdvocateStatus.Candidate => "Candidate",
        AdvocateStatus.Active => "Active",
        AdvocateStatus.Resting => restingUntil is { } until ? $"Resting until {(format ?? Endorse.Formatting.PersonalFormat.Default).Date(until)}" : "Resting (until further notice)",
        AdvocateStatus.Retired => "Retired",
        AdvocateStatus.DoNotContact => "Do not contact",
        _ => Endorse.Formatting.Words.Label(status),
    };

    public static Color StatusColor(AdvocateStatus status) => status switch
    {
        AdvocateStatus.Active => Color.Success,
        AdvocateStatus.Resting => Color.Warning,
        AdvocateStatus.DoNotContact => Color.Error,
        AdvocateStatus.Candidate => Color.Info,
        _ => Color.Default,
    };

    /// <summary>"Reference call".</summary>
    public static string Activity(ActivityType type)
    {
        return Endorse.Formatting.Words.Label(type);
    }

    public static string Channel(ContactChannel channel) => Endorse.Formatting.Words.Label(channel);

    /// <summary>"used 2 of 3 in the last 90 days, next free on 2026-12-01".</summary>
    public static string Gauge(FatigueGauge gauge, Endorse.Formatting.PersonalFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(gauge);
        var window = gauge.CalendarQuarter ? "this quarter" : $"the last {gauge.WindowDays} days";
        var used = gauge.Allowed is { } allowed ? $"Used {gauge.Used} of {allowed} in {window}" : "No overall limit";
        var next = gauge.NextFreeOn is { } free ? $", next free on {format.Date(free)}" : ", not free until the blocks below are lifted";
        return used + next + ".";
    }
}
