using System.Globalization;

namespace Endorse.Formatting;

/// <summary>
/// How one person reads dates, times and numbers: their time zone, their date style and a 12- or 24-hour clock. The one
/// formatter every page, mail, notification and export uses, so a date reads the same everywhere for that person.
/// Times are always shown with the zone named ("3 Dec 2026, 14:30 CET"); storage stays UTC.
/// </summary>
public sealed record PersonalFormat(string TimeZone, DateStyle DateStyle, bool Hour12 = false)
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>UTC, day-month-name dates, a 24-hour clock: for someone whose preferences are not known yet.</summary>
    public static PersonalFormat Default { get; } = new(TimeZones.Utc, DateStyle.DayMonthName);

    /// <summary>A format for the zone and style given, falling back to the default for an unknown zone or style.</summary>
    public static PersonalFormat Of(string? timeZone, DateStyle? style = null, bool hour12 = false) =>
        new(TimeZones.Normalize(timeZone) ?? TimeZones.Utc, style is { } s && Enum.IsDefined(s) ? s : DateStyle.DayMonthName, hour12);

    /// <summary>The .NET pattern of <see cref="DateStyle"/> (for date pickers too).</summary>
    public string DatePattern => DateStyle switch
    {
        DateStyle.Iso => "yyyy-MM-dd",
        DateStyle.DayMonthYear => "dd/MM/yyyy",
        DateStyle.MonthDayYear => "MM/dd/yyyy",
        DateStyle.DayMonthYearDots => "dd.MM.yyyy",
        DateStyle.MonthNameDay => "MMM d, yyyy",
        _ => "d MMM yyyy",
    };

    /// <summary>The .NET pattern of the clock ("HH:mm" or "h:mm tt").</summary>
    public string TimePattern => Hour12 ? "h:mm tt" : "HH:mm";

    /// <summary>A calendar date (no zone: a date is the same day everywhere).</summary>
    public string Date(DateOnly date) => date.ToString(DatePattern, Culture);

    public string Date(DateOnly? date, string none = "—") => date is { } d ? Date(d) : none;

    /// <summary>The day an instant falls on in the person's zone.</summary>
    public string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(ToLocal(instant)));

    /// <summary>"3 Dec 2026, 14:30 CET": an instant in the person's zone, the zone named.</summary>
    public string Instant(DateTimeOffset instant) => $"{Date(instant)}, {Time(instant)}";

    public string Instant(DateTimeOffset? instant, string none = "—") => instant is { } i ? Instant(i) : none;

    /// <summary>"Thu 3 Dec 2026, 14:30 CET": an instant with its weekday, for times offered and booked.</summary>
    public string Slot(DateTimeOffset instant) => $"{ToLocal(instant).ToString("ddd", Culture)} {Instant(instant)}";

    /// <summary>"14:30 CET".</summary>
    public string Time(DateTimeOffset instant) => $"{ToLocal(instant).ToString(TimePattern, Culture)} {Zone(instant)}";

    /// <summary>The zone's short name at the instant ("CET" in winter, "CEST" in summer).</summary>
    public string Zone(DateTimeOffset instant) => TimeZones.Abbreviation(instant, TimeZone);

    /// <summary>ISO 8601 with the person's offset ("2026-12-03T14:30:00+01:00"), for exports a spreadsheet reads back.</summary>
    public string Iso(DateTimeOffset instant)
    {
        var offset = TimeZones.Offset(instant, TimeZone);
        return instant.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", Culture);
    }

    /// <summary>The wall-clock time in the person's zone.</summary>
    public DateTime ToLocal(DateTimeOffset instant) => TimeZones.ToLocal(instant, TimeZone);

    /// <summary>The instant a wall-clock time in the person's zone means.</summary>
    public DateTimeOffset FromLocal(DateTime local) => TimeZones.FromLocal(local, TimeZone);

    /// <summary>Today in the person's zone.</summary>
    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now));

    /// <summary>"12,345": a count with thousands separated.</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    public static string Number(decimal value) => value.ToString("N0", Culture);
}
