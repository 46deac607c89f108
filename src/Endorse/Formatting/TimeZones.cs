using NodaTime;
using NodaTime.TimeZones;

namespace Endorse.Formatting;

/// <summary>
/// The IANA time zones a person may pick, from the tz database NodaTime carries (so every machine agrees, whatever
/// its own zone files), and the conversions between an instant and a zone's wall-clock time.
/// </summary>
public static class TimeZones
{
    public const string Utc = "UTC";

    /// <summary>Every zone a person may pick: the geographic zones of the tz database's zone.tab, and UTC, by id.</summary>
    public static IReadOnlyList<string> All { get; } = BuildAll();

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="id"/> names a zone of the list (exact spelling, as "Europe/Berlin").</summary>
    public static bool IsKnown(string? id) => id is not null && Known.Contains(id);

    /// <summary>The list's spelling of a zone id typed in any case, or null when there is none ("europe/berlin" → "Europe/Berlin").</summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var trimmed = id.Trim();
        if (Known.Contains(trimmed))
        {
            return trimmed;
        }

        // Aliases the tz database keeps for old names ("Asia/Calcutta", "US/Pacific", "Etc/UTC") map to their canonical zone.
        if (TzdbDateTimeZoneSource.Default.CanonicalIdMap.TryGetValue(trimmed, out var canonical) && Known.Contains(canonical))
        {
            return canonical;
        }

        if (canonical is "Etc/UTC" or "Etc/GMT" || trimmed is "Etc/UTC" or "GMT" or "Z")
        {
            return Utc;
        }

        return All.FirstOrDefault(z => string.Equals(z, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    public static DateTimeZone Zone(string? id) =>
        (IsKnown(id) ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id!) : null) ?? DateTimeZone.Utc;

    /// <summary>The wall-clock time in the zone at an instant.</summary>
    public static DateTime ToLocal(DateTimeOffset instant, string? zoneId) =>
        Instant.FromDateTimeOffset(instant).InZone(Zone(zoneId)).LocalDateTime.ToDateTimeUnspecified();

    /// <summary>
    /// The instant a wall-clock time in the zone means. A time skipped by a clock change moves forward by the gap; a time
    /// that happens twice (the hour the clocks go back) is the earlier one.
    /// </summary>
    public static DateTimeOffset FromLocal(DateTime local, string? zoneId) =>
        LocalDateTime.FromDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)).InZoneLeniently(Zone(zoneId)).ToDateTimeOffset();

    /// <summary>The offset from UTC of the zone at an instant.</summary>
    public static TimeSpan Offset(DateTimeOffset instant, string? zoneId) =>
        Zone(zoneId).GetUtcOffset(Instant.FromDateTimeOffset(instant)).ToTimeSpan();

    /// <summary>The zone's short name at an instant ("CET", "CEST", "PST"), or "UTC+03:00" where the tz database has no letters.</summary>
    public static string Abbreviation(DateTimeOffset instant, string? zoneId)
    {
        var zone = Zone(zoneId);
        if (zone == DateTimeZone.Utc)
        {
            return "UTC";
        }

        var interval = zone.GetZoneInterval(Instant.FromDateTimeOffset(instant));
        var name = interval.Name;
        return string.IsNullOrEmpty(name) || name[0] is '+' or '-' || char.IsDigit(name[0]) ? OffsetText(interval.WallOffset.ToTimeSpan()) : name;
    }

    /// <summary>"Europe/Berlin (UTC+01:00)": a zone as a picker lists it, with its offset now.</summary>
    public static string Describe(string zoneId, DateTimeOffset now) =>
        zoneId == Utc ? "UTC" : $"{zoneId.Replace('_', ' ')} ({OffsetText(Offset(now, zoneId))})";

    public static string OffsetText(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration():hh\\:mm}";

    private static List<string> BuildAll()
    {
        var zones = TzdbDateTimeZoneSource.Default.ZoneLocations?.Select(l => l.ZoneId) ?? TzdbDateTimeZoneSource.Default.GetIds();
        return [Utc, .. zones.Where(z => DateTimeZoneProviders.Tzdb.GetZoneOrNull(z) is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
