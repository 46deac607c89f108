using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;
using Endorse.Matching;

namespace Endorse.Tests.Matching;

public class MatchSnapshotTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Languages = ["en", "de", "fr"];

    [Fact]
    public void A_state_read_back_from_its_snapshot_ranks_exactly_alike()
    {
        var state = RandomState(2_000, seed: 7);
        var bytes = MatchSnapshot.Write(state);
        var restored = MatchSnapshot.Read(bytes, TimeProvider.System);

        Assert.Equal(state.Advocates.Count, restored.Advocates.Count);
        Assert.Equal(state.ById.Count, restored.ById.Count);
        Assert.Equal(state.Changes.Last, restored.Changes.Last);
        Assert.Equal(state.Changes.Gaps.Order(), restored.Changes.Gaps.Order());
        Assert.Equal((state.MaxActivityId, state.ImportMark, state.AdvocateStamp, state.AccountStamp, state.ContactStamp),
            (restored.MaxActivityId, restored.ImportMark, restored.AdvocateStamp, restored.AccountStamp, restored.ContactStamp));
        Assert.Equal(state.AdvocateByContact.OrderBy(p => p.Key), restored.AdvocateByContact.OrderBy(p => p.Key));
        Assert.True(MatchSnapshot.SamePolicy(state.Policy, restored.Policy));

        var random = new Random(3);
        foreach (var type in ActivityTypes.All)
        {
            var original = state.Pool(type, Today);
            var copy = restored.Pool(type, Today);
            for (var i = 0; i < 10; i++)
            {
                var criteria = new MatchCriteria(type)
                {
                    ProductIds = random.Next(2) == 0 ? [random.Next(1, 6)] : [],
                    SectorId = random.Next(3) == 0 ? null : random.Next(1, 4),
                    Language = random.Next(3) == 0 ? "de" : null,
                    MinimumSeniority = (SeniorityTier)random.Next(0, 5),
                    NeededBy = random.Next(2) == 0 ? Today.AddDays(random.Next(0, 120)) : null,
                };
                Assert.Equal(Shape(original.Rank(criteria, state.Weights, 30)), Shape(copy.Rank(criteria, restored.Weights, 30)));
            }
        }
    }

    [Fact]
    public void Removing_an_advocates_activities_leaves_the_others()
    {
        var state = RandomState(300, seed: 11);
        var advocate = state.IdsByAdvocate.First(p => p.Value.Count > 1).Key;
        var account = state.Advocates[advocate].AccountId;
        var othersAtAccount = state.ByAccount[account].Count(r => r.AdvocateId != advocate);
        var total = state.ById.Count;
        var theirs = state.IdsByAdvocate[advocate].Count;

        state.RemoveActivities(advocate);

        Assert.Equal(total - theirs, state.ById.Count);
        Assert.False(state.ByAdvocate.ContainsKey(advocate));
        Assert.Equal(othersAtAccount, state.ByAccount[account].Count);
        Assert.DoesNotContain(state.ById.Values, r => r.AdvocateId == advocate);
    }

    [Fact]
    public void A_snapshot_of_another_format_is_refused()
    {
        var bytes = MatchSnapshot.Write(RandomState(10, seed: 1));
        var cut = bytes[..(bytes.Length / 2)]; // a damaged blob fails to read rather than loading part of a state
        Assert.ThrowsAny<Exception>(() => MatchSnapshot.Read(cut, TimeProvider.System));
        using var other = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(other, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            zip.Write([0x45, 0x53, 0x4D, 0x31, 99, 0, 0, 0]); // the magic, then a format this build does not know
        }

        Assert.Throws<InvalidDataException>(() => MatchSnapshot.Read(other.ToArray(), TimeProvider.System));
    }

    private static string[] Shape(MatchRanking ranking) =>
    [
        .. ranking.Results.Select(r => $"{r.Rank}:{r.Candidate.AdvocateId}:{r.Score:R}:{r.AvailableFrom}:{string.Join('|', r.Factors.Select(f => f.Explanation))}"),
        $"eligible {ranking.EligibleCount}",
        .. ranking.Excluded.Select(e => $"x{e.Candidate.AdvocateId}:{e.Reasons}:{string.Join('|', e.Describe())}"),
        .. ranking.ExcludedByReason.Select(c => $"{c.Reason}={c.Count}"),
    ];

    private static MatchState RandomState(int advocates, int seed)
    {
        var random = new Random(seed);
        var policy = FatiguePolicy.Default with { AdvocateCaps = [new(null, 3, 90), new(ActivityType.SiteVisit, 1, 365)] };
        var state = new MatchState(policy, MatchWeights.Default, Today.AddDays(-400))
        {
            Changes = MatchChangeCursor.Restore(1234, [1200, 1210], 0),
            ImportMark = 5,
            AdvocateStamp = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
            AccountStamp = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),
            ContactStamp = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
            MaxActivityId = 999_999,
        };
        var accounts = Math.Max(1, advocates / 3);
        for (var a = 1; a <= accounts; a++)
        {
            state.Accounts[a] = new AccountFacts(a)
            {
                Name = random.Next(10) == 0 ? null : $"Account {a}",
                SectorId = random.Next(4) == 0 ? null : random.Next(1, 4),
                RegionId = random.Next(4) == 0 ? null : random.Next(1, 3),
                SizeBand = (SizeBand)random.Next(0, 5),
                SatisfactionKind = (SatisfactionKind)random.Next(0, 3),
                SatisfactionScore = random.Next(3) == 0 ? null : random.Next(-100, 101),
                CustomerSince = random.Next(4) == 0 ? null : Today.AddDays(-random.Next(0, 2000)),
                OpenEscalations = random.Next(10) == 0 ? 1 : 0,
                RenewalOn = random.Next(3) == 0 ? Today.AddDays(random.Next(-10, 100)) : null,
                DisclosurePermission = (DisclosurePermission)random.Next(0, 5),
            };
        }

        long activityId = 1;
        for (var id = 1; id <= advocates; id++)
        {
            var account = random.Next(1, accounts + 1);
            state.SetAdvocate(new AdvocateFacts(id, 10_000 + id, account, (AdvocateStatus)random.Next(0, 5), random.Next(8) == 0 ? Today.AddDays(random.Next(1, 60)) : null, random.Next(1, 256))
            {
                Name = $"Advocate {id}",
                SeniorityTier = (SeniorityTier)random.Next(0, 6),
                Languages = [.. Languages.Where(_ => random.Next(2) == 0)],
                MaxActivitiesPerQuarter = random.Next(5) == 0 ? random.Next(1, 4) : null,
                ProductIds = [.. Enumerable.Range(1, 5).Where(_ => random.Next(3) == 0)],
                Blackouts = random.Next(6) == 0 ? [new DateRange(Today.AddDays(random.Next(0, 20)), Today.AddDays(random.Next(20, 60)))] : [],
                UpdatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(id),
            });
            state.Usage[id] = new AdvocateUsage(random.Next(0, 20), random.Next(0, 50), random.Next(0, 10));
            for (var k = random.Next(0, 6); k > 0; k--)
            {
                state.AddActivity(activityId++, new ActivityRecord(Today.AddDays(-random.Next(-30, 400)), (ActivityType)random.Next(0, 8), id, account));
            }
        }

        return state;
    }
}
