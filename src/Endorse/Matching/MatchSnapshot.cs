using System.IO.Compression;
using System.Text.Json;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Fatigue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Endorse.Matching;

/// <summary>The saved match index: one row, replaced by each save.</summary>
public class MatchSnapshotRow
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public int Format { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public long Bytes { get; set; }
    public required byte[] Data { get; set; }
}

internal sealed class MatchSnapshotRowConfiguration : IEntityTypeConfiguration<MatchSnapshotRow>
{
    public void Configure(EntityTypeBuilder<MatchSnapshotRow> builder)
    {
        builder.ToTable("MatchSnapshots");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// The match index's loaded state written as one compressed binary blob in the database (<c>MatchSnapshots</c>), so a
/// starting node reads it in about a second instead of querying a minute at 100,000 advocates and 5,000,000 activities,
/// on any node of a cluster. A snapshot holds the change-log position and the stamps it was taken at; after reading it
/// the index reads the changes saved since (<see cref="MatchChange"/>), imports finished since, and new activities, as
/// any refresh does, so it ranks exactly as a fresh load would. It is not used when the fatigue policy changed since
/// (the look-back window may differ), when its format is older, or when the change log no longer holds every change
/// since it was taken.
/// </summary>
internal static class MatchSnapshot
{
    public const int FormatVersion = 2; // 2: readiness stamp, accounts' largest open bid and set gates
    private const int Magic = 0x314D5345; // "ESM1"

    public static async Task SaveAsync(EndorseDbContext db, byte[] data, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.Set<MatchSnapshotRow>().Where(s => s.Id == MatchSnapshotRow.SingletonId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Data, data).SetProperty(s => s.Format, FormatVersion).SetProperty(s => s.CreatedAt, now).SetProperty(s => s.Bytes, data.LongLength), ct);
        if (updated == 0)
        {
            db.Set<MatchSnapshotRow>().Add(new MatchSnapshotRow { Id = MatchSnapshotRow.SingletonId, Format = FormatVersion, CreatedAt = now, Bytes = data.LongLength, Data = data });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node saved its snapshot first: theirs is as good.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>When the saved snapshot was taken, if there is one.</summary>
    public static Task<DateTimeOffset?> SavedAtAsync(EndorseDbContext db, CancellationToken ct) =>
        db.Set<MatchSnapshotRow>().AsNoTracking().Where(s => s.Id == MatchSnapshotRow.SingletonId && s.Format == FormatVersion)
            .Select(s => (DateTimeOffset?)s.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>The saved state, or null when there is none or it cannot be brought up to date (see the class).</summary>
    public static async Task<MatchState?> LoadAsync(EndorseDbContext db, TimeProvider time, CancellationToken ct)
    {
        var data = await db.Set<MatchSnapshotRow>().AsNoTracking().Where(s => s.Id == MatchSnapshotRow.SingletonId && s.Format == FormatVersion)
            .Select(s => s.Data).FirstOrDefaultAsync(ct);
        if (data is null)
        {
            return null;
        }

        var (policy, _) = await ProgramSettingsReader.ReadAsync(db, ct);
        var s = Read(data, time);
        if (!SamePolicy(s.Policy, policy))
        {
            return null;
        }

        // Every change since the snapshot must still be in the log.
        var oldest = await db.Set<MatchChange>().MinAsync(c => (long?)c.Id, ct);
        if (oldest is { } first && first > s.Changes.Last + 1)
        {
            return null;
        }

        return s;
    }

    /// <summary>Two policies alike (records compare their lists by reference, so compare their JSON).</summary>
    public static bool SamePolicy(FatiguePolicy a, FatiguePolicy b) =>
        ReferenceEquals(a, b) || JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    public static byte[] Write(MatchState s)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(zip))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(JsonSerializer.Serialize(s.Policy));
            w.Write(JsonSerializer.Serialize(s.Weights));
            w.Write(s.From.DayNumber);
            var (last, gaps) = s.Changes.Position;
            w.Write(last);
            w.Write(gaps.Length);
            foreach (var gap in gaps)
            {
                w.Write(gap);
            }

            w.Write(s.ImportMark);
            w.Write(s.AdvocateStamp.UtcTicks);
            w.Write(s.AccountStamp.UtcTicks);
            w.Write(s.ContactStamp.UtcTicks);
            w.Write(s.ReadinessStamp.Opportunities.UtcTicks);
            w.Write(s.ReadinessStamp.Gates.UtcTicks);
            w.Write(s.MaxActivityId);

            w.Write(s.Advocates.Count);
            foreach (var a in s.Advocates.Values)
            {
                w.Write(a.AdvocateId);
                w.Write(a.ContactId);
                w.Write(a.AccountId);
                w.Write((int)a.Status);
                WriteDay(w, a.RestingUntil);
                w.Write(a.ActivityTypes);
                WriteText(w, a.Name);
                w.Write((int)a.SeniorityTier);
                w.Write(a.Languages.Count);
                foreach (var language in a.Languages)
                {
                    w.Write(language);
                }

                WriteInt(w, a.MaxActivitiesPerQuarter);
                w.Write(a.ProductIds.Count);
                foreach (var product in a.ProductIds)
                {
                    w.Write(product);
                }

                w.Write(a.Blackouts.Count);
                foreach (var b in a.Blackouts)
                {
                    w.Write(b.From.DayNumber);
                    w.Write(b.To.DayNumber);
                }

                w.Write(a.UpdatedAt.UtcTicks);
            }

            w.Write(s.Accounts.Count);
            foreach (var acc in s.Accounts.Values)
            {
                w.Write(acc.AccountId);
                WriteText(w, acc.Name);
                WriteInt(w, acc.SectorId);
                WriteInt(w, acc.RegionId);
                w.Write((int)acc.SizeBand);
                w.Write((int)acc.SatisfactionKind);
                WriteInt(w, acc.SatisfactionScore);
                WriteDay(w, acc.CustomerSince);
                w.Write(acc.OpenEscalations);
                WriteDay(w, acc.RenewalOn);
                w.Write((int)acc.DisclosurePermission);
                w.Write(acc.LargestOpenBid is not null);
                if (acc.LargestOpenBid is { } bid)
                {
                    w.Write(bid.OpportunityId);
                    w.Write(bid.Name);
                    w.Write(bid.Amount);
                    WriteText(w, bid.Currency);
                    WriteDay(w, bid.CloseOn);
                }

                w.Write(acc.Gates.Count);
                foreach (var g in acc.Gates)
                {
                    w.Write(g.Id);
                    w.Write((int)g.Kind);
                    w.Write(g.StartsOn.DayNumber);
                    w.Write(g.EndsOn.DayNumber);
                    w.Write(g.Reason);
                }
            }

            w.Write(s.Usage.Count);
            foreach (var (id, u) in s.Usage)
            {
                w.Write(id);
                w.Write(u.Total);
                w.Write(u.QualitySum);
                w.Write(u.QualityCount);
            }

            w.Write(s.ById.Count);
            foreach (var (id, r) in s.ById)
            {
                w.Write(id);
                w.Write(r.Date.DayNumber);
                w.Write((int)r.ActivityType);
                w.Write(r.AdvocateId);
                w.Write(r.AccountId);
            }
        }

        return buffer.ToArray();
    }

    public static MatchState Read(byte[] data, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var zip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var r = new BinaryReader(new BufferedStream(zip, 1 << 16));
        if (r.ReadInt32() != Magic || r.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException("Not a match index snapshot of this version.");
        }

        var policy = JsonSerializer.Deserialize<FatiguePolicy>(r.ReadString()) ?? FatiguePolicy.Default;
        var weights = JsonSerializer.Deserialize<MatchWeights>(r.ReadString()) ?? MatchWeights.Default;
        var s = new MatchState(policy, weights, DateOnly.FromDayNumber(r.ReadInt32()));
        var last = r.ReadInt64();
        var gaps = new long[r.ReadInt32()];
        for (var i = 0; i < gaps.Length; i++)
        {
            gaps[i] = r.ReadInt64();
        }

        s.Changes = MatchChangeCursor.Restore(last, gaps, time.GetTimestamp());
        s.ImportMark = r.ReadInt32();
        s.AdvocateStamp = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
        s.AccountStamp = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
        s.ContactStamp = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
        s.ReadinessStamp = new Readiness.ReadinessStamp(new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero), new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero));
        s.MaxActivityId = r.ReadInt64();

        var advocates = r.ReadInt32();
        s.Advocates.EnsureCapacity(advocates);
        for (var i = 0; i < advocates; i++)
        {
            int id = r.ReadInt32(), contact = r.ReadInt32(), account = r.ReadInt32();
            var status = (AdvocateStatus)r.ReadInt32();
            var resting = ReadDay(r);
            var types = r.ReadInt32();
            var name = ReadText(r);
            var tier = (SeniorityTier)r.ReadInt32();
            var languages = new string[r.ReadInt32()];
            for (var k = 0; k < languages.Length; k++)
            {
                languages[k] = r.ReadString();
            }

            var perQuarter = ReadInt(r);
            var products = new int[r.ReadInt32()];
            for (var k = 0; k < products.Length; k++)
            {
                products[k] = r.ReadInt32();
            }

            var blackouts = new DateRange[r.ReadInt32()];
            for (var k = 0; k < blackouts.Length; k++)
            {
                blackouts[k] = new DateRange(DateOnly.FromDayNumber(r.ReadInt32()), DateOnly.FromDayNumber(r.ReadInt32()));
            }

            s.SetAdvocate(new AdvocateFacts(id, contact, account, status, resting, types)
            {
                Name = name,
                SeniorityTier = tier,
                Languages = languages,
                MaxActivitiesPerQuarter = perQuarter,
                ProductIds = products,
                Blackouts = blackouts,
                UpdatedAt = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero),
            });
        }

        var accounts = r.ReadInt32();
        s.Accounts.EnsureCapacity(accounts);
        for (var i = 0; i < accounts; i++)
        {
            var id = r.ReadInt32();
            s.Accounts[id] = new AccountFacts(id)
            {
                Name = ReadText(r),
                SectorId = ReadInt(r),
                RegionId = ReadInt(r),
                SizeBand = (SizeBand)r.ReadInt32(),
                SatisfactionKind = (SatisfactionKind)r.ReadInt32(),
                SatisfactionScore = ReadInt(r),
                CustomerSince = ReadDay(r),
                OpenEscalations = r.ReadInt32(),
                RenewalOn = ReadDay(r),
                DisclosurePermission = (DisclosurePermission)r.ReadInt32(),
                LargestOpenBid = r.ReadBoolean() ? new Readiness.OpenBid(r.ReadInt32(), r.ReadString(), r.ReadDecimal(), ReadText(r), ReadDay(r)) : null,
                Gates = ReadGates(r),
            };
        }

        var usage = r.ReadInt32();
        s.Usage.EnsureCapacity(usage);
        for (var i = 0; i < usage; i++)
        {
            s.Usage[r.ReadInt32()] = new AdvocateUsage(r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        }

        var activities = r.ReadInt32();
        s.ById.EnsureCapacity(activities);
        for (var i = 0; i < activities; i++)
        {
            var id = r.ReadInt64();
            s.AddActivity(id, new ActivityRecord(DateOnly.FromDayNumber(r.ReadInt32()), (ActivityType)r.ReadInt32(), r.ReadInt32(), r.ReadInt32()));
        }

        return s;
    }

    private static Readiness.SetGate[] ReadGates(BinaryReader r)
    {
        var gates = new Readiness.SetGate[r.ReadInt32()];
        for (var i = 0; i < gates.Length; i++)
        {
            gates[i] = new Readiness.SetGate(r.ReadInt32(), (Readiness.GateKind)r.ReadInt32(), DateOnly.FromDayNumber(r.ReadInt32()), DateOnly.FromDayNumber(r.ReadInt32()), r.ReadString());
        }

        return gates;
    }

    private static void WriteText(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadText(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteInt(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        if (value is { } v)
        {
            w.Write(v);
        }
    }

    private static int? ReadInt(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static void WriteDay(BinaryWriter w, DateOnly? day) => w.Write(day?.DayNumber ?? -1);

    private static DateOnly? ReadDay(BinaryReader r) => r.ReadInt32() is var n and >= 0 ? DateOnly.FromDayNumber(n) : null;
}
