using Microsoft.Extensions.Configuration;

namespace Endorse.Scheduling;

/// <summary>The persistent scheduler's settings, from the <c>Scheduler</c> section.</summary>
public sealed record SchedulerSettings(bool Enabled, TimeSpan MailInterval)
{
    public static SchedulerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        var enabled = !bool.TryParse(section["Enabled"], out var on) || on;
        var seconds = double.TryParse(section["MailIntervalSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 15;
        return new SchedulerSettings(enabled, TimeSpan.FromSeconds(seconds));
    }
}
