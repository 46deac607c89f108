using Endorse.Accounts;
using Endorse.Advocates;

namespace Endorse.Fatigue;

/// <summary>
/// Decides whether an advocate may be booked for an activity on a date under the fatigue policy, their own
/// preferences and their account's readiness, and says why not and from when. Pure: no clock, no I/O.
/// </summary>
public static class FatigueCheck
{
    /// <summary>
    /// <paramref name="date"/> moved by <paramref name="days"/>, held at the ends of the calendar: a stored date at the edge
    /// (an imported 9999-12-31, say) must not make a rule's arithmetic overflow.
    /// </summary>
    internal static DateOnly Plus(DateOnly date, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)date.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    /// <param name="activities">
    /// The activities that count (completed and booked, any date, past or future) of this advocate and of every
    /// advocate at their account; others are ignored.
    /// </param>
    public static FatigueResult Evaluate(
        FatiguePolicy policy,
        AdvocatePreferences preferences,
        AdvocateState advocate,
        AccountState account,
        IReadOnlyList<ActivityRecord> activities,
        ActivityType activityType,
        DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(advocate);
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(activities);

        var blocks = new List<FatigueBlock>();
        var permanent = false;

        void Permanent(FatigueBlock block)
        {
            blocks.Add(block);
            permanent = true;
        }

        // Status.
        switch (advocate.Status)
        {
            case AdvocateStatus.DoNotContact:
                Permanent(new(BlockReasons.DoNotContact, date));
                break;
            case AdvocateStatus.Retired:
                Permanent(new(BlockReasons.Retired, date));
                break;
            case AdvocateStatus.Candidate:
                Permanent(new(BlockReasons.NotYetActive, date));
                break;
            case AdvocateStatus.Resting when advocate.RestingUntil is null:
                Permanent(new(BlockReasons.Resting, date));
                break;
            default:
                break;
        }

        // Readiness of the account: the readiness gates (one rule set with discovery and the account page). Gates without
        // an end block for good; those with an end are rules that end on a date, below.
        var gates = Readiness.ReadinessRules.Gates(policy, account, date);
        foreach (var gate in gates)
        {
            if (gate.Until is null && gate.Blocks(date))
            {
                Permanent(GateBlocks.Block(gate, date, null));
            }
        }

        if (account.DisclosurePermission != DisclosurePermission.NoPublicity && !DisclosureRules.Allows(account.DisclosurePermission, activityType))
        {
            Permanent(new(BlockReasons.PermissionForbidsActivity, date) { Permission = account.DisclosurePermission, ActivityType = activityType });
        }

        // Rules that end on a date.
        var rules = BuildRules(policy, preferences, advocate, account, activities, activityType, gates);
        var headroom = FatigueHeadroom.Unlimited;
        foreach (var rule in rules)
        {
            if (rule.Blocks(date))
            {
                if (rule.IsPermanent)
                {
                    Permanent(rule.Describe(date, null));
                }
                else
                {
                    blocks.Add(rule.Describe(date, FirstFree(rule, date)));
                }
            }

            var gauge = rule.Gauge(date);
            if (gauge is not null && (headroom.Allowed is null || gauge.Remaining < headroom.Remaining))
            {
                headroom = gauge;
            }
        }

        DateOnly? nextFree = null;
        if (!permanent)
        {
            nextFree = blocks.Count == 0 ? date : FirstFree(rules, date);
        }

        return new FatigueResult(date, blocks, headroom, nextFree);
    }

    private static List<Rule> BuildRules(
        FatiguePolicy policy, AdvocatePreferences preferences, AdvocateState advocate, AccountState account, IReadOnlyList<ActivityRecord> activities, ActivityType activityType,
        IReadOnlyList<Readiness.Gate> gates)
    {
        var rules = new List<Rule>();
        if (advocate.Status == AdvocateStatus.Resting && advocate.RestingUntil is { } until)
        {
            rules.Add(new RangeRule(BlockReasons.Resting, DateOnly.MinValue, until, 0));
        }

        // A cap on one activity type applies only to a request of that type; a cap on every type (null) always.
        foreach (var cap in policy.AdvocateCaps.Where(c => c.ActivityType is null || c.ActivityType == activityType))
        {
            rules.Add(new RollingCapRule(BlockReasons.AdvocateCapReached, cap, Dates(activities, a => a.AdvocateId == advocate.AdvocateId, cap.ActivityType)));
        }

        foreach (var cap in policy.AccountCaps.Where(c => c.ActivityType is null || c.ActivityType == activityType))
        {
            rules.Add(new RollingCapRule(BlockReasons.AccountCapReached, cap, Dates(activities, a => a.AccountId == account.AccountId, cap.ActivityType)));
        }

        if (policy.CoolDownDays > 0)
        {
            rules.Add(new CoolDownRule(policy.CoolDownDays, Dates(activities, a => a.AdvocateId == advocate.AdvocateId, null)));
        }

        if (preferences.MaxActivitiesPerQuarter is { } perQuarter)
        {
            rules.Add(new QuarterCapRule(perQuarter, Dates(activities, a => a.AdvocateId == advocate.AdvocateId, null)));
        }

        foreach (var blackout in preferences.Blackouts)
        {
            rules.Add(new RangeRule(BlockReasons.Blackout, blackout.From, blackout.To, 0));
        }

        foreach (var gate in gates)
        {
            if (gate.Until is not null)
            {
                rules.Add(new GateRule(gate));
            }
        }

        return rules;
    }

    private static DateOnly[] Dates(IReadOnlyList<ActivityRecord> activities, Func<ActivityRecord, bool> whose, ActivityType? type)
    {
        var dates = new List<DateOnly>();
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            if (whose(a) && (type is null || a.ActivityType == type))
            {
                dates.Add(a.Date);
            }
        }

        dates.Sort();
        return [.. dates];
    }

    /// <summary>The first day from <paramref name="date"/> on that none of the rules block (they only stop blocking at their transitions).</summary>
    private static DateOnly FirstFree(IReadOnlyList<Rule> rules, DateOnly date)
    {
        var candidates = new SortedSet<DateOnly>();
        foreach (var rule in rules)
        {
            rule.AddTransitions(date, candidates);
        }

        foreach (var candidate in candidates)
        {
            if (!rules.Any(r => r.Blocks(candidate)))
            {
                return candidate;
            }
        }

        // Unreachable: after the last transition every rule is free.
        return candidates.Count > 0 ? candidates.Max : date;
    }

    private static DateOnly FirstFree(Rule rule, DateOnly date) => FirstFree([rule], date);

    private abstract class Rule
    {
        public abstract bool Blocks(DateOnly date);

        /// <summary>Adds the days after <paramref name="date"/> on which this rule may stop blocking.</summary>
        public abstract void AddTransitions(DateOnly date, SortedSet<DateOnly> candidates);

        public abstract FatigueBlock Describe(DateOnly date, DateOnly? freeOn);

        /// <summary>True when the rule blocks every day (a limit of zero).</summary>
        public virtual bool IsPermanent => false;

        public virtual FatigueHeadroom? Gauge(DateOnly date) => null;
    }

    /// <summary>Blocks every day of [from, to].</summary>
    private sealed class RangeRule(BlockReasons reason, DateOnly from, DateOnly to, int days) : Rule
    {
        public override bool Blocks(DateOnly date) => date >= from && date <= to;

        public override void AddTransitions(DateOnly date, SortedSet<DateOnly> candidates)
        {
            if (to >= date && to < DateOnly.MaxValue)
            {
                candidates.Add(Plus(to, 1));
            }
        }

        public override FatigueBlock Describe(DateOnly date, DateOnly? freeOn) => reason switch
        {
            BlockReasons.Resting => new(reason, date) { To = to, FreeOn = freeOn },
            BlockReasons.RenewalSoon => new(reason, date) { From = to, Days = days, FreeOn = freeOn },
            _ => new(reason, date) { From = from, To = to, FreeOn = freeOn },
        };
    }

    /// <summary>A readiness gate that ends on a date (a renewal's quiet period, a reorganisation, a hold, a bid until its expected close).</summary>
    private sealed class GateRule(Readiness.Gate gate) : Rule
    {
        public override bool Blocks(DateOnly date) => gate.Blocks(date);

        public override void AddTransitions(DateOnly date, SortedSet<DateOnly> candidates)
        {
            if (gate.FreeOn is { } free && free > date)
            {
                candidates.Add(free);
            }
        }

        public override FatigueBlock Describe(DateOnly date, DateOnly? freeOn) => GateBlocks.Block(gate, date, freeOn);
    }

    /// <summary>At most <c>cap.Limit</c> in any window of <c>cap.WindowDays</c> days, the new activity included.</summary>
    private sealed class RollingCapRule(BlockReasons reason, ActivityCap cap, DateOnly[] dates) : Rule
    {
        public override bool Blocks(DateOnly date) => Busiest(date).Count >= cap.Limit;

        public override bool IsPermanent => cap.Limit <= 0;

        public override void AddTransitions(DateOnly date, SortedSet<DateOnly> candidates)
        {
            foreach (var d in dates)
            {
                var leaves = Plus(d, cap.WindowDays);
                if (leaves > date)
                {
                    candidates.Add(leaves);
                }
            }
        }

        public override FatigueBlock Describe(DateOnly date, DateOnly? freeOn)
        {
            var (count, start) = Busiest(date);
            return new(reason, date)
            {
                ActivityType = cap.ActivityType,
                Count = count,
                Limit = cap.Limit,
                Days = cap.WindowDays,
                From = start,
                To = Plus(start, cap.WindowDays - 1),
                FreeOn = freeOn,
            };
        }

        public override FatigueHeadroom? Gauge(DateOnly date) =>
            reason == BlockReasons.AdvocateCapReached && cap.ActivityType is null
                ? new FatigueHeadroom(Busiest(date).Count, cap.Limit, cap.WindowDays)
                : null;

        /// <summary>
        /// The fullest window of the cap's length that contains <paramref name="date"/>. Sliding the window later
        /// drops past activities and takes in booked ones, so the fullest starts at the earliest day, on a past
        /// activity or on the date itself; ties go to the earliest (the trailing window "the last N days").
        /// </summary>
        private (int Count, DateOnly Start) Busiest(DateOnly date)
        {
            var earliest = Plus(date, 1 - cap.WindowDays);
            var best = (Count: CountFrom(earliest), Start: earliest);

            // The dates are sorted (see Dates): only those in (earliest, date] can start a fuller window.
            for (var i = UpperBound(earliest); i < dates.Length && dates[i] <= date; i++)
            {
                Consider(dates[i]);
            }

            Consider(date);
            return best;

            void Consider(DateOnly start)
            {
                var count = CountFrom(start);
                if (count > best.Count)
                {
                    best = (count, start);
                }
            }
        }

        /// <summary>Activities in the window that starts on <paramref name="start"/>: two binary searches in the sorted dates.</summary>
        private int CountFrom(DateOnly start) => UpperBound(Plus(start, cap.WindowDays - 1)) - LowerBound(start);

        /// <summary>The index of the first date on or after <paramref name="day"/>.</summary>
        private int LowerBound(DateOnly day)
        {
            int low = 0, high = dates.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (dates[mid] < day)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }

        /// <summary>The index of the first date after <paramref name="day"/>.</summary>
        private int UpperBound(DateOnly day)
        {
            int low = 0, high = dates.Length;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (dates[mid] <= day)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            return low;
        }
    }

    /// <summary>No activity within <c>days</c> days of another one (after it, or before a booked one).</summary>
    private sealed class CoolDownRule(int days, DateOnly[] dates) : Rule
    {
        public override bool Blocks(DateOnly date) => Nearest(date) is not null;

        public override void AddTransitions(DateOnly date, SortedSet<DateOnly> candidates)
        {
            foreach (var d in dates)
            {
                var free = Plus(d, days + 1);
                if (free > date)
                {
                    candidates.Add(free);
                }
            }
        }

        public override FatigueBlock Describe(DateOnly date, DateOnly? freeOn) =>
            new(BlockReasons.CoolDown, date) { Days = days, From = Nearest(date), FreeOn = freeOn };

        /// <summary>The activity within the cool-down of the date: the latest one before or on it, else the earliest after it.</summary>
        private DateOnly? Nearest(DateOnly date)
        {
            DateOnly? before = null;
            DateOnly? after = null;
            foreach (var d in dates)
            {
                var gap = d.DayNumber - date.DayNumber;
                if (gap <= 0 && -gap <= days)
                {
                    before = d;
                }
                else if (gap > 0 && gap <= days && after is null)
                {
                    after = d;
                }
            }

            return before ?? after;
        }
    }

    /// <summary>The advocate's own limit: at most <c>limit</c> activities in a calendar quarter.</summary>
    private sealed class QuarterCapRule(int limit, DateOnly[] dates) : Rule
    {
        public override bool Blocks(DateOnly date) => CountIn(date) >= limit;

        public override bool IsPermanent => limit <= 0;

        public override void AddTransitions(DateOnly date, SortedSet<DateOnly> candidates)
        {
            candidates.Add(NextQuarter(date));
            foreach (var d in dates)
            {
                var next = NextQuarter(d);
                if (next > date)
                {
                    candidates.Add(next);
                }
            }
        }

        public override FatigueBlock Describe(DateOnly date, DateOnly? freeOn) =>
            new(BlockReasons.PreferenceCapReached, date) { Count = CountIn(date), Limit = limit, From = QuarterStart(date), To = NextQuarter(date).AddDays(-1), FreeOn = freeOn };

        public override FatigueHeadroom? Gauge(DateOnly date) =>
            new(CountIn(date), limit, NextQuarter(date).DayNumber - QuarterStart(date).DayNumber, CalendarQuarter: true);

        private int CountIn(DateOnly date)
        {
            var start = QuarterStart(date);
            var next = NextQuarter(date);
            return dates.Count(d => d >= start && d < next);
        }

        private static DateOnly QuarterStart(DateOnly date) => new(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1);

        private static DateOnly NextQuarter(DateOnly date) => date >= new DateOnly(9999, 10, 1) ? DateOnly.MaxValue : QuarterStart(date).AddMonths(3);
    }
}
