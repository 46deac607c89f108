using System.Globalization;
using Endorse.Accounts;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.ExecutivePrograms;
using Endorse.Hygiene;
using Endorse.Onboarding;
using Endorse.Readiness;
using Endorse.Settings;
using Endorse.WishList;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Demo;

/// <summary>The demo users the sourcing demo data names (ids; null when that user does not exist).</summary>
public sealed record DiscoveryDemoPeople(string? ReferenceManager, string? SalesRep, string? SalesManager, string? Executive, string? Administrator);

/// <summary>
/// Demo data for the sourcing features, on top of the demo accounts: a dozen well-used advocates (the profile discovery
/// compares with), a wish list in every stage, gates of each kind, check-in plans with check-ins due, overdue and done
/// (one happy and one unhappy go-live), two executive programs with members, events and commitments, and hygiene answers
/// with a year of history. Deterministic: picks accounts in id order.
/// </summary>
public static class DiscoveryDemoData
{
    public static async Task LoadAsync(EndorseDbContext db, DiscoveryDemoPeople people, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(people);
        if (await db.WishListEntries.AnyAsync(cancellationToken) || await db.HygieneAnswers.AnyAsync(cancellationToken))
        {
            return;
        }

        var auditEachChange = db.AuditEachChange;
        db.AuditEachChange = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            string? Name(string? id) => id is not null && names.TryGetValue(id, out var n) ? n : null;

            // Healthy customers (satisfied, no escalation, may be named) with no advocate or nomination yet (the nominations
            // demo ran first), the pool every step below draws from in id order.
            var healthy = await db.Accounts.AsNoTracking()
                .Where(CustomerRule.IsCustomerExpression)
                .Where(a => a.OpenEscalations == 0 && a.SatisfactionScore != null && a.SatisfactionScore >= 30
                    && (a.DisclosurePermission == DisclosurePermission.NamedPublic || a.DisclosurePermission == DisclosurePermission.NamedCallsOnly)
                    && a.CustomerSince < today.AddDays(-400)
                    && !db.Advocates.Any(v => v.AccountId == a.Id) && !db.Nominations.Any(n => n.AccountId == a.Id))
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).Take(60).ToListAsync(cancellationToken);
            var queue = new Queue<(int Id, string Name)>(healthy.Select(a => (a.Id, a.Name)));
            (int Id, string Name) Next() => queue.Dequeue();

            // Well-used advocates: the profile of a good candidate.
            var random = new Random(DemoDataLoader.Seed);
            var advocates = new List<(int AdvocateId, int AccountId)>();
            for (var i = 0; i < 12 && queue.Count > 0; i++)
            {
                var account = Next();
                var contact = await db.Contacts.AsNoTracking().Where(c => c.AccountId == account.Id).OrderByDescending(c => c.SeniorityTier).ThenBy(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
                if (contact == 0)
                {
                    continue;
                }

                var advocate = new Advocate
                {
                    ContactId = contact,
                    AccountId = account.Id,
                    Status = AdvocateStatus.Active,
                    ActivityTypes = ActivityTypeSet.Of([ActivityType.ReferenceCall, ActivityType.CaseStudyUse, ActivityType.SpeakingOrWebinar]),
                    Languages = "english",
                    EnrolledAt = today.AddDays(-700).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    EnrolledById = people.ReferenceManager,
                    Notes = "Demo advocate: well used, so discovery compares candidates with their account.",
                };
                db.Advocates.Add(advocate);
                await db.SaveChangesAsync(cancellationToken);
                advocates.Add((advocate.Id, account.Id));
                var uses = 2 + random.Next(5);
                for (var u = 0; u < uses; u++)
                {
                    db.AdvocacyActivities.Add(new AdvocacyActivity
                    {
                        AdvocateId = advocate.Id,
                        AccountId = account.Id,
                        ActivityType = u % 3 == 0 ? ActivityType.CaseStudyUse : ActivityType.ReferenceCall,
                        OccurredOn = today.AddDays(-30 - random.Next(600)),
                        State = AdvocacyActivityState.Completed,
                        Quality = 3 + random.Next(3),
                        CreatedAt = DateTimeOffset.UtcNow,
                    });
                }
            }

            // The wish list, one in every stage (a happy customer sales wish were a reference).
            var now = today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            WishListEntry Wish((int Id, string Name) account, string? wisher, string deal, decimal value, WishStage stage, int daysAgo) => new()
            {
                AccountId = account.Id,
                OpenAccountId = stage is WishStage.Advocate or WishStage.Parked ? null : account.Id,
                WisherId = wisher,
                WisherName = Name(wisher),
                DealOrSegment = deal,
                Value = value,
                Currency = "USD",
                Stage = stage,
                OwnerId = stage == WishStage.Wished ? null : people.ReferenceManager,
                OwnerName = stage == WishStage.Wished ? null : Name(people.ReferenceManager),
                CreatedAt = new DateTimeOffset(now.AddDays(-daysAgo)),
            };
            var wishes = new List<WishListEntry>
            {
                Wish(Next(), people.SalesRep, "Regional hospital groups in the Northeast", 400_000, WishStage.Wished, 3),
                Wish(Next(), people.SalesManager, "Mid-market banks moving to the cloud", 1_500_000, WishStage.Wished, 9),
                Wish(Next(), people.SalesRep, "Globex platform deal", 850_000, WishStage.Researching, 20),
                Wish(Next(), people.SalesRep, "Manufacturers replacing legacy ERP", 600_000, WishStage.Approaching, 35),
                Wish(Next(), people.SalesManager, "Public-sector tenders in 2027", 2_000_000, WishStage.Nominated, 50),
            };
            wishes[2].NextStep = "Find out who ran their roll-out";
            wishes[2].NextStepDue = today.AddDays(5);
            wishes[3].NextStep = "Coffee with their CIO at the user group";
            wishes[3].NextStepDue = today.AddDays(-2);
            wishes[3].Why = "Their CIO praised the roll-out in a trade magazine.";
            var parked = Wish(Next(), people.SalesRep, "Retail chains in EMEA", 300_000, WishStage.Parked, 80);
            parked.ParkedReason = "Their legal team allows no endorsements this year; ask again in spring.";
            wishes.Add(parked);
            if (advocates.Count > 0)
            {
                // A wish that came true: the account's contact became an advocate after it.
                var (advocateId, accountId) = advocates[0];
                var cameTrue = Wish((accountId, string.Empty), people.SalesRep, "Healthcare references for the Q3 pipeline", 700_000, WishStage.Advocate, 800);
                cameTrue.ConvertedAt = new DateTimeOffset(now.AddDays(-700));
                cameTrue.AdvocateId = advocateId;
                wishes.Add(cameTrue);
            }

            db.WishListEntries.AddRange(wishes);

            // Gates set by people: a reorganisation now, a hold to come, one lifted early.
            db.AccountGates.AddRange(
                new AccountGate { AccountId = Next().Id, Kind = GateKind.Reorganisation, StartsOn = today.AddDays(-10), EndsOn = today.AddDays(50), Reason = "New CIO and a merged IT department", SetById = people.SalesRep, SetByName = Name(people.SalesRep) },
                new AccountGate { AccountId = Next().Id, Kind = GateKind.OnHold, StartsOn = today.AddDays(14), EndsOn = today.AddDays(45), Reason = "Year-end freeze: the owner asked to wait", SetById = people.SalesManager, SetByName = Name(people.SalesManager) },
                new AccountGate { AccountId = Next().Id, Kind = GateKind.OnHold, StartsOn = today.AddDays(-40), EndsOn = today.AddDays(20), Reason = "Security incident under review", SetById = people.ReferenceManager, SetByName = Name(people.ReferenceManager), LiftedOn = today.AddDays(-5), LiftedById = people.ReferenceManager, LiftedByName = Name(people.ReferenceManager), LiftReason = "Incident closed; customer happy with the response." });

            // A big bid: an open opportunity above the program's amount (the largest open one, raised if need be).
            var policy = ProgramSettingsService.Read<Fatigue.FatiguePolicy>(null, Fatigue.FatiguePolicy.Default);
            var bigBid = policy.BigBidAmount ?? 500_000m;
            if (!await db.Opportunities.AnyAsync(o => !o.IsClosed && o.Amount >= bigBid && o.AccountId != null, cancellationToken))
            {
                var largest = await db.Opportunities.Where(o => !o.IsClosed && o.AccountId != null).OrderByDescending(o => o.Amount).FirstOrDefaultAsync(cancellationToken);
                if (largest is not null)
                {
                    largest.Amount = bigBid * 2.4m;
                }
            }

            // Onboarding: six new customers at every point of their plan.
            var settings = SourcingSettings.Default;
            var plans = new (int SinceDaysAgo, int Done, OnboardingOutcome GoLive)[]
            {
                (8, 0, OnboardingOutcome.Pending), (18, 0, OnboardingOutcome.Pending), (50, 1, OnboardingOutcome.Pending),
                (118, 1, OnboardingOutcome.Pending), (150, 3, OnboardingOutcome.Happy), (160, 3, OnboardingOutcome.Unhappy),
            };
            foreach (var (since, done, goLive) in plans)
            {
                var pick = Next().Id;
                var account = await db.Accounts.FirstAsync(a => a.Id == pick, cancellationToken);
                account.CustomerSince = today.AddDays(-since);
                account.ContractSignedOn = today.AddDays(-since - 5);
                account.RenewalOn = account.CustomerSince.Value.AddYears(1);
                var plan = new OnboardingPlan { AccountId = account.Id, KickOffOn = account.CustomerSince.Value, Outcome = goLive, OutcomeOn = goLive == OnboardingOutcome.Pending ? null : today.AddDays(-since + settings.GoLiveDays + 2) };
                var step = 0;
                foreach (var (kind, due) in CheckInSchedule.Plan(plan.KickOffOn, settings))
                {
                    var checkIn = new CheckIn { AccountId = account.Id, Kind = kind, DueOn = due };
                    if (step++ < done)
                    {
                        checkIn.CompletedOn = due.AddDays(2);
                        checkIn.CompletedById = people.ReferenceManager;
                        checkIn.CompletedByName = Name(people.ReferenceManager);
                        checkIn.Notes = kind switch
                        {
                            CheckInKind.Introduction => "Met the project lead; offered help with the data migration.",
                            CheckInKind.MidImplementation => "On plan; training booked.",
                            _ => goLive == OnboardingOutcome.Happy ? "Live on time, users happy, sponsor says so." : "Go-live slipped twice; the data migration is still not right.",
                        };
                        checkIn.Outcome = kind == CheckInKind.GoLive ? goLive : OnboardingOutcome.Pending;
                    }

                    plan.CheckIns.Add(checkIn);
                }

                if (goLive == OnboardingOutcome.Unhappy)
                {
                    var from = plan.OutcomeOn!.Value;
                    db.AccountGates.Add(new AccountGate { AccountId = account.Id, Kind = GateKind.UnhappyOnboarding, StartsOn = from, EndsOn = from.AddDays(settings.UnhappyGateDays - 1), Reason = "Go-live slipped twice; the data migration is still not right", SetById = people.ReferenceManager, SetByName = Name(people.ReferenceManager) });
                    plan.CheckIns.Add(new CheckIn { AccountId = account.Id, Kind = CheckInKind.FollowUp, DueOn = CheckInSchedule.FollowUpDue(from, settings) });
                }

                db.OnboardingPlans.Add(plan);
            }

            // Executive programs with members, events and commitments.
            var exec = people.Executive ?? people.Administrator ?? people.ReferenceManager;
            var peering = new ExecutiveProgram { Name = "CIO Peering Circle", NameSearch = "cio peering circle", Kind = ExecutiveProgramKind.Peering, Description = "Our CIO and CTO meet their counterparts at customers twice a year.", OwnerId = exec };
            var panel = new ExecutiveProgram { Name = "Customer Advisory Panel", NameSearch = "customer advisory panel", Kind = ExecutiveProgramKind.Panel, Description = "Business leaders discuss the roadmap with our product team each quarter.", OwnerId = people.ReferenceManager };
            db.ExecutivePrograms.AddRange(peering, panel);
            await db.SaveChangesAsync(cancellationToken);
            var members = new List<ExecutiveProgramMember>();
            foreach (var program in new[] { peering, panel })
            {
                for (var i = 0; i < 3 && queue.Count > 0; i++)
                {
                    var account = Next();
                    // The account's most senior contact: an executive where the account has one.
                    var contact = await db.Contacts.AsNoTracking().Where(c => c.AccountId == account.Id).OrderByDescending(c => c.SeniorityTier).ThenBy(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
                    if (contact == 0 || exec is null)
                    {
                        continue;
                    }

                    members.Add(new ExecutiveProgramMember { ProgramId = program.Id, ContactId = contact, AccountId = account.Id, CompanyExecutiveId = i % 2 == 0 ? exec : people.Administrator ?? exec, JoinedOn = today.AddDays(-300 + (i * 40)) });
                }
            }

            db.ExecutiveProgramMembers.AddRange(members);
            var events = new[]
            {
                new ExecutiveProgramEvent { ProgramId = peering.Id, Title = "Spring peering dinner", HeldOn = today.AddDays(-120), Location = "London" },
                new ExecutiveProgramEvent { ProgramId = peering.Id, Title = "Autumn peering dinner", HeldOn = today.AddDays(25), Location = "New York" },
                new ExecutiveProgramEvent { ProgramId = panel.Id, Title = "Roadmap panel Q3", HeldOn = today.AddDays(-30), Location = "Online" },
            };
            db.ExecutiveProgramEvents.AddRange(events);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var m in members.Where(m => m.ProgramId == peering.Id))
            {
                db.ExecutiveEventAttendances.Add(new ExecutiveEventAttendance { EventId = events[0].Id, MemberId = m.Id });
            }

            foreach (var m in members.Where(m => m.ProgramId == panel.Id).Take(2))
            {
                db.ExecutiveEventAttendances.Add(new ExecutiveEventAttendance { EventId = events[2].Id, MemberId = m.Id });
            }

            var commitments = new (CommitmentKind Kind, string Description, int DueInDays, CommitmentStatus Status, string? Outcome)[]
            {
                (CommitmentKind.Blog, "Why we moved our core systems to the cloud", 5, CommitmentStatus.Open, null),
                (CommitmentKind.CaseStudy, "Two years with the platform", -10, CommitmentStatus.Open, null),
                (CommitmentKind.Talk, "Keynote at the customer summit", -60, CommitmentStatus.Delivered, "Recording on the events site"),
                (CommitmentKind.ReferenceCall, "A call with a bank's CIO", -20, CommitmentStatus.Dropped, "The prospect chose another vendor before the call."),
            };
            for (var i = 0; i < commitments.Length && i < members.Count; i++)
            {
                var (kind, description, due, status, outcome) = commitments[i];
                var m = members[i];
                db.ExecutiveCommitments.Add(new ExecutiveCommitment
                {
                    ProgramId = m.ProgramId,
                    MemberId = m.Id,
                    ContactId = m.ContactId,
                    AccountId = m.AccountId,
                    Kind = kind,
                    Description = description,
                    DueOn = today.AddDays(due),
                    Status = status,
                    DeliveredOn = status == CommitmentStatus.Delivered ? today.AddDays(due + 3) : null,
                    Outcome = outcome,
                });
            }

            // Program hygiene: a year of answers, getting better.
            var history = new (int DaysAgo, HygieneQuestion Question, HygieneAnswerValue Answer, string Evidence)[]
            {
                (330, HygieneQuestion.ExecutiveSponsorship, HygieneAnswerValue.No, "References did not come up in any all-hands this year."),
                (330, HygieneQuestion.StandingAgendaItem, HygieneAnswerValue.No, "Not on the sales leadership agenda."),
                (330, HygieneQuestion.ManagersTargets, HygieneAnswerValue.No, "No advocacy targets in the sales plan."),
                (330, HygieneQuestion.AdvocacyInContracts, HygieneAnswerValue.Partly, "A case-study clause in enterprise contracts only."),
                (330, HygieneQuestion.ReferenceTeamAndSales, HygieneAnswerValue.Partly, "Monthly call with two regional sales leads."),
                (330, HygieneQuestion.AdvocacyKit, HygieneAnswerValue.No, "Nothing written down."),
                (150, HygieneQuestion.ExecutiveSponsorship, HygieneAnswerValue.Partly, "The CEO asked for customer stories at the kick-off."),
                (150, HygieneQuestion.AdvocacyKit, HygieneAnswerValue.Partly, "A draft guide is being tested by two teams."),
                (40, HygieneQuestion.StandingAgendaItem, HygieneAnswerValue.Partly, "References are on the monthly sales review, not yet on the board's."),
                (12, HygieneQuestion.ExecutiveSponsorship, HygieneAnswerValue.Yes, "The CEO opened the sales kick-off with two advocates on stage and asks for the numbers monthly."),
                (12, HygieneQuestion.AdvocacyKit, HygieneAnswerValue.Yes, "The advocacy kit is in Endorse and printed for every sales team."),
            };
            foreach (var (daysAgo, question, answer, evidence) in history)
            {
                db.HygieneAnswers.Add(new HygieneAnswer { Question = question, Answer = answer, Evidence = evidence, AnsweredOn = today.AddDays(-daysAgo), ById = people.ReferenceManager, ByName = Name(people.ReferenceManager) });
            }

            db.Audit("DemoData", DemoDataLoader.Seed.ToString(CultureInfo.InvariantCulture), "DiscoveryLoaded", $"{{\"advocates\":{advocates.Count},\"wishes\":{wishes.Count},\"plans\":{plans.Length},\"members\":{members.Count}}}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.AuditEachChange = auditEachChange;
        }
    }
}
