using System.Linq.Expressions;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Data;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Matching;

/// <summary>The streaming, no-tracking projections the match index loads from.</summary>
internal static class MatchQueries
{
    internal readonly record struct AccountRow(AccountFacts Facts, DateTimeOffset UpdatedAt);

    internal readonly record struct UsageRow(int AdvocateId, int Total, int? QualitySum, int QualityCount);

    internal readonly record struct ActivityRow(long Id, int AdvocateId, int AccountId, ActivityType ActivityType, DateOnly OccurredOn, AdvocacyActivityState State, int? Quality);

    public static async IAsyncEnumerable<AdvocateFacts> Advocates(EndorseDbContext db, List<int>? ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var query = db.Advocates.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(a => ids.Contains(a.Id));
        }

        var rows = query.OrderBy(a => a.Id).Select(a => new
        {
            a.Id,
            a.ContactId,
            a.AccountId,
            a.Status,
            a.RestingUntil,
            a.ActivityTypes,
            a.Languages,
            a.MaxActivitiesPerQuarter,
            a.UpdatedAt,
            a.Contact!.FirstName,
            a.Contact.LastName,
            a.Contact.SeniorityTier,
            a.Contact.Language,
        }).AsAsyncEnumerable().WithCancellation(ct);
        await foreach (var a in rows)
        {
            yield return new AdvocateFacts(a.Id, a.ContactId, a.AccountId, a.Status, a.RestingUntil, a.ActivityTypes)
            {
                Name = string.IsNullOrWhiteSpace(a.FirstName) ? a.LastName : $"{a.FirstName} {a.LastName}",
                SeniorityTier = a.SeniorityTier,
                Languages = CandidateBuilder.Languages(a.Languages, a.Language),
                MaxActivitiesPerQuarter = a.MaxActivitiesPerQuarter,
                UpdatedAt = a.UpdatedAt,
            };
        }
    }

    /// <summary>Accounts that have at least one advocate (and match the filter).</summary>
    public static IQueryable<AccountRow> Accounts(EndorseDbContext db, Expression<Func<Account, bool>>? filter)
    {
        var query = db.Accounts.AsNoTracking().Where(c => db.Advocates.Any(a => a.AccountId == c.Id));
        if (filter is not null)
        {
            query = query.Where(filter);
        }

        return query.Select(c => new AccountRow(
            new AccountFacts(c.Id)
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
                LargestOpenBid = db.Opportunities
                    .Where(o => o.AccountId == c.Id && !o.IsClosed && o.Amount != null)
                    .OrderByDescending(o => o.Amount).ThenBy(o => o.Id)
                    .Select(o => new Readiness.OpenBid(o.Id, o.Name, o.Amount!.Value, o.Currency, o.CloseDate))
                    .FirstOrDefault(),
                Gates = db.AccountGates
                    .Where(g => g.AccountId == c.Id && g.LiftedOn == null)
                    .OrderBy(g => g.StartsOn).ThenBy(g => g.Id)
                    .Select(g => new Readiness.SetGate(g.Id, g.Kind, g.StartsOn, g.EndsOn, g.Reason))
                    .ToList(),
            },
            c.UpdatedAt));
    }

    /// <summary>Per advocate: every activity ever (not cancelled or no-show) and the quality ratings given.</summary>
    public static IQueryable<UsageRow> Usage(EndorseDbContext db, List<int>? ids)
    {
        var query = db.AdvocacyActivities.AsNoTracking().Where(a => a.State == AdvocacyActivityState.Booked || a.State == AdvocacyActivityState.Completed);
        if (ids is not null)
        {
            query = query.Where(a => ids.Contains(a.AdvocateId));
        }

        return query.GroupBy(a => a.AdvocateId)
            .Select(g => new UsageRow(g.Key, g.Count(), g.Sum(a => a.Quality), g.Count(a => a.Quality != null)));
    }

    /// <summary>Counting activities from a day on (booked ones may be in the future); with <paramref name="afterId"/>, every new activity whatever its state.</summary>
    public static IQueryable<ActivityRow> Window(EndorseDbContext db, DateOnly from, long? afterId, List<int>? advocateIds = null)
    {
        var query = db.AdvocacyActivities.AsNoTracking();
        if (advocateIds is not null)
        {
            query = query.Where(a => advocateIds.Contains(a.AdvocateId));
        }

        query = afterId is not null
            ? query.Where(a => a.Id > afterId)
            : query.Where(a => a.OccurredOn >= from && (a.State == AdvocacyActivityState.Booked || a.State == AdvocacyActivityState.Completed));
        return query.Select(a => new ActivityRow(a.Id, a.AdvocateId, a.AccountId, a.ActivityType, a.OccurredOn, a.State, a.Quality));
    }
}
