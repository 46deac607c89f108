using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Fatigue;

namespace Endorse.Matching;

/// <summary>What matching needs of one advocate and their contact.</summary>
internal sealed record AdvocateFacts(int AdvocateId, int ContactId, int AccountId, AdvocateStatus Status, DateOnly? RestingUntil, int ActivityTypes)
{
    public string? Name { get; init; }
    public SeniorityTier SeniorityTier { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public int? MaxActivitiesPerQuarter { get; init; }
    public IReadOnlyList<int> ProductIds { get; init; } = [];
    public IReadOnlyList<DateRange> Blackouts { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What matching needs of one account.</summary>
internal sealed record AccountFacts(int AccountId)
{
    public string? Name { get; init; }
    public int? SectorId { get; init; }
    public int? RegionId { get; init; }
    public SizeBand SizeBand { get; init; }
    public SatisfactionKind SatisfactionKind { get; init; }
    public int? SatisfactionScore { get; init; }
    public DateOnly? CustomerSince { get; init; }
    public int OpenEscalations { get; init; }
    public DateOnly? RenewalOn { get; init; }
    public DisclosurePermission DisclosurePermission { get; init; }

    /// <summary>The largest open opportunity (the readiness gates decide whether it is a big bid).</summary>
    public Readiness.OpenBid? LargestOpenBid { get; init; }

    /// <summary>Gates set by people (or the go-live check-in) that were not lifted.</summary>
    public IReadOnlyList<Readiness.SetGate> Gates { get; init; } = [];
}

/// <summary>An advocate's usage over all time: activities and the quality ratings they got.</summary>
internal readonly record struct AdvocateUsage(int Total, int QualitySum, int QualityCount)
{
    public AdvocateUsage Add(int? quality) => new(Total + 1, QualitySum + (quality ?? 0), QualityCount + (quality is null ? 0 : 1));
}

/// <summary>Builds a <see cref="MatchCandidate"/> from facts; the index and the naive matcher share it, so both rank alike.</summary>
internal static class CandidateBuilder
{
    /// <summary>Days of history the fatigue rules and rotation look at before today.</summary>
    public static int LookbackDays(FatiguePolicy policy)
    {
        var days = 366; // rotation: the last 12 months
        foreach (var cap in policy.AdvocateCaps.Concat(policy.AccountCaps))
        {
            days = Math.Max(days, cap.WindowDays);
        }

        return Math.Max(days, policy.CoolDownDays + 1);
    }

    /// <param name="activities">The counting activities (booked or completed) in the look-back window and later, of the advocate and their account.</param>
    public static MatchCandidate Build(
        FatiguePolicy policy, DateOnly today, ActivityType type, AdvocateFacts a, AccountFacts? account, IReadOnlyList<ActivityRecord> activities, AdvocateUsage usage)
    {
        var acc = account ?? new AccountFacts(a.AccountId);
        var preferences = a.MaxActivitiesPerQuarter is null && a.Blackouts.Count == 0
            ? AdvocatePreferences.None
            : new AdvocatePreferences { MaxActivitiesPerQuarter = a.MaxActivitiesPerQuarter, Blackouts = a.Blackouts };
        var accountState = new AccountState(a.AccountId)
        {
            OpenEscalations = acc.OpenEscalations,
            SatisfactionKind = acc.SatisfactionKind,
            SatisfactionScore = acc.SatisfactionScore,
            RenewalOn = acc.RenewalOn,
            DisclosurePermission = acc.DisclosurePermission,
            LargestOpenBid = acc.LargestOpenBid,
            Gates = acc.Gates,
        };
        var fatigue = FatigueCheck.Evaluate(policy, preferences, new AdvocateState(a.AdvocateId, a.Status, a.RestingUntil), accountState, FatigueWindow(policy, today, activities), type, today);
        var yearAgo = today.AddDays(-365);
        var recent = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].AdvocateId == a.AdvocateId && activities[i].Date > yearAgo && activities[i].Date <= today)
            {
                recent++;
            }
        }

        return new MatchCandidate(a.AdvocateId, a.ContactId, a.AccountId, fatigue)
        {
            Name = a.Name,
            AccountName = acc.Name,
            ActivityTypes = ActivityTypeSet.Expand(a.ActivityTypes),
            ProductIds = a.ProductIds,
            SectorId = acc.SectorId,
            RegionId = acc.RegionId,
            SizeBand = acc.SizeBand,
            SeniorityTier = a.SeniorityTier,
            Languages = a.Languages,
            SatisfactionKind = acc.SatisfactionKind,
            SatisfactionScore = acc.SatisfactionScore,
            CustomerSince = acc.CustomerSince,
            FeedbackAverage = usage.QualityCount > 0 ? usage.QualitySum / (double)usage.QualityCount : null,
            FeedbackCount = usage.QualityCount,
            RecentActivities = recent,
            TotalActivities = usage.Total,
        };
    }

    /// <summary>
    /// Only the activities the fatigue rules can see: from the start of the longest cap window, cool-down or calendar
    /// quarter before today on. Older ones cannot block, and the rules' cost grows with the dates they are given.
    /// </summary>
    private static IReadOnlyList<ActivityRecord> FatigueWindow(FatiguePolicy policy, DateOnly today, IReadOnlyList<ActivityRecord> activities)
    {
        var days = Math.Max(92, policy.CoolDownDays + 1);
        foreach (var cap in policy.AdvocateCaps.Concat(policy.AccountCaps))
        {
            days = Math.Max(days, cap.WindowDays);
        }

        var from = today.AddDays(-days);
        var old = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].Date < from)
            {
                old++;
            }
        }

        if (old == 0)
        {
            return activities;
        }

        var list = new List<ActivityRecord>(activities.Count - old);
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i].Date >= from)
            {
                list.Add(activities[i]);
            }
        }

        return list;
    }

    /// <summary>"english, German" and the contact's language → distinct lower-case entries.</summary>
    public static IReadOnlyList<string> Languages(string? advocateLanguages, string? contactLanguage)
    {
        var list = new List<string>();
        if (!string.IsNullOrWhiteSpace(advocateLanguages))
        {
            foreach (var part in advocateLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var code = Formatting.Languages.Code(part) ?? part.ToLowerInvariant();
                if (!list.Contains(code))
                {
                    list.Add(code);
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(contactLanguage))
        {
            var lower = Formatting.Languages.Code(contactLanguage) ?? contactLanguage.Trim().ToLowerInvariant();
            if (!list.Contains(lower))
            {
                list.Add(lower);
            }
        }

        return list;
    }
}
