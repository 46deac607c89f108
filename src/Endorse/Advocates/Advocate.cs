using Endorse.Audit;
using Endorse.Contacts;

namespace Endorse.Advocates;

/// <summary>A contact enrolled in the reference program, with what they will do and the limits they set.</summary>
public class Advocate : IAuditedWithParts
{
    private readonly List<AuditChange> partChanges = [];

    public int Id { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The contact's account, kept here so matching and per-account caps need no join.</summary>
    public int AccountId { get; set; }

    public AdvocateStatus Status { get; set; }

    /// <summary>While <see cref="AdvocateStatus.Resting"/>: the date the rest ends (null: until further notice).</summary>
    public DateOnly? RestingUntil { get; set; }

    /// <summary>The activity types the advocate will do, as a bit set over <see cref="ActivityType"/> (see <see cref="ActivityTypeSet"/>).</summary>
    public int ActivityTypes { get; set; }

    /// <summary>Languages the advocate speaks on calls, ISO 639-1 codes, comma-separated ("en,de").</summary>
    public string? Languages { get; set; }

    /// <summary>Use cases and topics they can speak to, free text.</summary>
    public string? Topics { get; set; }

    /// <summary>The advocate's own cap; it can only tighten the program's fatigue policy.</summary>
    public int? MaxActivitiesPerQuarter { get; set; }

    public ContactChannel PreferredChannel { get; set; }
    public string? Notes { get; set; }

    /// <summary>The advocate's IANA time zone, asked once on their answer page and remembered for the next ask.</summary>
    public string? TimeZone { get; set; }

    public DateTimeOffset EnrolledAt { get; set; }
    public string? EnrolledById { get; set; }

    /// <summary>
    /// Bumped by every booking and every change of the advocate's status or preferences (a concurrency token), so two
    /// bookings racing for the last free slot cannot both succeed, nor a booking and a change that would forbid it.
    /// </summary>
    public int BookingVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<AdvocateProduct> Products { get; set; } = [];
    public List<AdvocateBlackout> Blackouts { get; set; } = [];

    /// <summary>Notes a change to the advocate's blackouts or products for the audit entry of the next save.</summary>
    public void RecordPartChange(string field, string? from, string? to)
    {
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            partChanges.Add(new AuditChange(field, from, to));
        }
    }

    public IReadOnlyList<AuditChange> TakePartChanges()
    {
        var taken = partChanges.ToList();
        partChanges.Clear();
        return taken;
    }
}

/// <summary>A product the advocate will speak about.</summary>
public class AdvocateProduct
{
    public int AdvocateId { get; set; }
    public int ProductId { get; set; }
}

/// <summary>Dates the advocate must not be asked for (holidays, a busy quarter end).</summary>
public class AdvocateBlackout
{
    public int Id { get; set; }
    public int AdvocateId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Reason { get; set; }
}

/// <summary>One change of an advocate's status: the history a reference manager reads on the advocate page.</summary>
public class AdvocateStatusChange
{
    public long Id { get; set; }
    public int AdvocateId { get; set; }
    public AdvocateStatus? From { get; set; }
    public AdvocateStatus To { get; set; }
    public DateOnly? RestingUntil { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
    public string? ByName { get; set; }
    public string? Reason { get; set; }
}

/// <summary>Reads and writes the activity-type bit set stored on an advocate.</summary>
public static class ActivityTypeSet
{
    public static int Of(IEnumerable<ActivityType> types) => types.Aggregate(0, (set, type) => set | Bit(type));

    public static bool Contains(int set, ActivityType type) => (set & Bit(type)) != 0;

    public static IReadOnlyList<ActivityType> Expand(int set) => Endorse.Advocates.ActivityTypes.All.Where(t => Contains(set, t)).ToList();

    public static int Bit(ActivityType type) => 1 << (int)type;
}
