using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Endorse.Scheduling;

/// <summary>The persistent scheduler's settings, from the <c>Scheduler</c> section.</summary>
public sealed record SchedulerSettings(bool Enabled, TimeSpan MailInterval)
{
    /// <summary>How often the reminder job looks for what is due (<c>Scheduler:ReminderIntervalSeconds</c>, default 300).</summary>
    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The hour, in each person's zone, from which their day's reminders and digest go out (<c>Scheduler:ReminderLocalHour</c>, default 8).</summary>
    public int ReminderLocalHour { get; init; } = Reminders.ReminderRules.LocalHour;

    public static SchedulerSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Scheduler");
        var enabled = !bool.TryParse(section["Enabled"], out var on) || on;
        var seconds = double.TryParse(section["MailIntervalSeconds"], CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 15;
        var reminderSeconds = double.TryParse(section["ReminderIntervalSeconds"], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 300;
        var hour = int.TryParse(section["ReminderLocalHour"], CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23 ? h : Reminders.ReminderRules.LocalHour;
        return new SchedulerSettings(enabled, TimeSpan.FromSeconds(seconds)) { ReminderInterval = TimeSpan.FromSeconds(reminderSeconds), ReminderLocalHour = hour };
    }
}
