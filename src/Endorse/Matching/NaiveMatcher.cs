using Endorse.Activities;
using Endorse.Data;
using Endorse.Fatigue;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Matching;

/// <summary>
/// The straightforward matcher: loads every advocate with contact, account, products, blackouts and activities
/// through EF Core on each call and ranks them. Slow at scale; kept as the benchmark baseline and as the
/// correctness oracle of <see cref="MatchIndex"/>.
/// </summary>
public sealed class NaiveMatcher(EndorseDbContext db, TimeProvider time)
{
    public Task<MatchRanking> RankAsync(MatchCriteria criteria, int top, CancellationToken ct = default) => RankAsync(criteria, top, null, ct);

    public async Task<MatchRanking> RankAsync(MatchCriteria criteria, int top, PoolFilter? filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var (policy, weights) = await ProgramSettingsReader.ReadAsync(db, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-CandidateBuilder.LookbackDays(policy));
        var advocates = await db.Advocates.AsNoTracking()
            .Include(a => a.Contact).ThenInclude(c => c!.Account)
            .Include(a => a.Products).Include(a => a.Blackouts)
            .AsSplitQuery()
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        var activities = await db.AdvocacyActivities.AsNoTracking()
            .Where(a => a.State == AdvocacyActivityState.Booked || a.State == AdvocacyActivityState.Completed)
            .Select(a => new { a.AdvocateId, a.AccountId, a.ActivityType, a.OccurredOn, a.Quality })
            .ToListAsync(ct);
        var accounts = await db.Accounts.AsNoTracking()
            .Where(c => db.Advocates.Any(a => a.AccountId == c.Id))
            .ToDictionaryAsync(c => c.Id, ct);
        var accountIds = accounts.Keys.ToList();
        var bids = await Readiness.ReadinessQueries.LargestOpenBidsAsync(db, accountIds, cancellationToken: ct);
        var gates = await Readiness.ReadinessQueries.SetGatesAsync(db, accountIds, ct);
        var windowed = activities.Where(a => a.OccurredOn >= from).Select(a => new ActivityRecord(a.OccurredOn, a.ActivityType, a.AdvocateId, a.AccountId)).ToList();
        var byAccount = windowed.ToLookup(a => a.AccountId);
        var byAdvocate = windowed.ToLookup(a => a.AdvocateId);
        var usage = activities.GroupBy(a => a.AdvocateId)
            .ToDictionary(g => g.Key, g => new AdvocateUsage(g.Count(), g.Sum(a => a.Quality ?? 0), g.Count(a => a.Quality != null)));

        var candidates = advocates.Select(a =>
        {
            var facts = new AdvocateFacts(a.Id, a.ContactId, a.AccountId, a.Status, a.RestingUntil, a.ActivityTypes)
            {
                Name = a.Contact?.DisplayName,
                SeniorityTier = a.Contact?.SeniorityTier ?? default,
                Languages = CandidateBuilder.Languages(a.Languages, a.Contact?.Language),
                MaxActivitiesPerQuarter = a.MaxActivitiesPerQuarter,
                ProductIds = a.Products.Select(p => p.ProductId).Order().ToArray(),
                Blackouts = a.Blackouts.OrderBy(b => b.From).Select(b => new DateRange(b.From, b.To)).ToArray(),
            };
            var account = accounts.GetValueOrDefault(a.AccountId) is { } c
                ? new AccountFacts(c.Id)
                {
                    Name = c.Name,
                    SectorId = c.SectorId,
                    RegionId = c.RegionId,
                    SizeBand = c.SizeBand,
                    SatisfactionKind = c.SatisfactionKind,
                    SatisfactionScore = c.SatisfactionScore,
                    CustomerSince = c.CustomerSince,
                    OpenEscalations = c.OpenEscalations,
                    RenewalOn = c.RenewalOn,
                    DisclosurePermission = c.DisclosurePermission,
                    LargestOpenBid = bids.GetValueOrDefault(c.Id),
                    Gates = gates.TryGetValue(c.Id, out var set) ? set : [],
                }
                : null;
            var own = byAccount[a.AccountId].Concat(byAdvocate[a.Id].Where(r => r.AccountId != a.AccountId)).ToList();
            return CandidateBuilder.Build(policy, today, criteria.ActivityType, facts, account, own, usage.GetValueOrDefault(a.Id));
        }).ToList();

        return PoolFiltering.Rank(criteria, candidates, weights, today, top, filter);
    }
}
