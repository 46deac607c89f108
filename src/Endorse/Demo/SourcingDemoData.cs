using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Nominations;
using Endorse.Notifications;
using Endorse.Objections;
using Endorse.Requests;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Demo;

/// <summary>The demo users sourcing needs (ids; null when the role has no demo user).</summary>
public sealed record SourcingDemoUsers(string ReferenceManager, string SalesRep, string? SalesManager, string? Marketing, string? CustomerSuccess, string? Executive = null, string? Administrator = null);

/// <summary>
/// Sourcing in use on a first start: a few active advocates, nominations in every state (a pocket reference reserved for
/// the demo rep, one waiting over a week, one asking the nominator for more, one at the owner's approval, one declined,
/// one withdrawn), approaches blocked with objections over the last months, a rewritten playbook answer, and a pattern of
/// service-problem objections in one product that its service lead was told of.
/// </summary>
public static class SourcingDemoData
{
    public static async Task LoadAsync(EndorseDbContext db, Notifier notifier, TimeProvider clock, SourcingDemoUsers users, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        if (await db.Nominations.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? Name(string? id) => id is null ? null : names.GetValueOrDefault(id);

        // Customers that may be approached, with a contact each, in a fixed order.
        var customers = await db.Accounts.AsNoTracking()
            .Where(CustomerRule.IsCustomerExpression)
            .Where(a => a.DisclosurePermission != DisclosurePermission.NoPublicity && a.OpenEscalations == 0)
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.OwnerId,
                Contacts = db.Contacts.Where(c => c.AccountId == a.Id).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToList(),
                Products = db.AccountProducts.Where(p => p.AccountId == a.Id).Select(p => p.ProductId).ToList(),
            })
            .Take(120)
            .ToListAsync(cancellationToken);
        customers = [.. customers.Where(c => c.Contacts.Count > 0)];
        var repAccounts = customers.Where(c => c.OwnerId == users.SalesRep).ToList();
        var otherAccounts = customers.Where(c => c.OwnerId != users.SalesRep).ToList();
        if (repAccounts.Count < 6 || otherAccounts.Count < 20)
        {
            return;
        }

        // The product most of these customers own: the service-problem pattern is about it.
        var product = customers.SelectMany(c => c.Products).GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var productOwners = otherAccounts.Where(c => c.Products.Contains(product)).Take(3).ToList();

        // Active advocates the reference team enrolled: the pool requests are matched against.
        var advocates = new List<Advocate>();
        foreach (var account in otherAccounts.Take(8).Concat(repAccounts.Skip(4).Take(2)).Concat(productOwners).DistinctBy(a => a.Id))
        {
            advocates.Add(NewAdvocate(account.Contacts[0], account.Id, account.Products, users.ReferenceManager, now.AddDays(-200)));
        }

        db.Advocates.AddRange(advocates);
        var free = otherAccounts.Where(a => advocates.All(x => x.AccountId != a.Id)).ToList();
        await db.SaveChangesAsync(cancellationToken);
        foreach (var advocate in advocates)
        {
            db.AdvocateStatusChanges.Add(new AdvocateStatusChange { AdvocateId = advocate.Id, To = AdvocateStatus.Active, At = advocate.EnrolledAt, ById = users.ReferenceManager, ByName = Name(users.ReferenceManager), Reason = "Enrolled" });
        }

        // Nominations in every state.
        var nominations = new List<(Nomination Nomination, List<NominationEvent> Events, Advocate? Advocate)>();
        Nomination Nominate(int contactId, int accountId, NominationKind kind, string nominator, string reason, NominationStatus status, DateTimeOffset at, params int[] products) => new()
        {
            ContactId = contactId,
            AccountId = accountId,
            Kind = kind,
            Reason = reason,
            ActivityTypes = ActivityTypeSet.Of([ActivityType.ReferenceCall, ActivityType.CaseStudyUse]),
            NominatorId = nominator,
            NominatorName = Name(nominator),
            Status = status,
            CreatedAt = at,
            UpdatedAt = at,
            WaitingSince = at,
            Products = [.. products.Distinct().Select(p => new NominationProduct { ProductId = p })],
        };
        NominationEvent Step(string from, NominationStatus to, string? by, DateTimeOffset at, string? note) =>
            new() { From = from, To = to.ToString(), ById = by, ByName = Name(by), At = at, Note = note };

        // 1. The rep's pocket reference, approved and reserved for his deals.
        {
            var account = repAccounts[0];
            var at = now.AddDays(-12);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.PocketReference, users.SalesRep,
                "My go-to reference for two years: took three prospect calls for me last year and closed two deals. Happy to be shared once I have used her on my open bids.",
                NominationStatus.Approved, at, [.. account.Products.Take(2)]);
            n.ReserveForNominator = true;
            n.ReviewedById = users.ReferenceManager;
            n.ReviewedAt = at.AddDays(2);
            n.ApprovedAt = at.AddDays(2);
            n.WaitingSince = at.AddDays(2);
            n.ReservedUntil = today.AddDays(78);
            var advocate = NewAdvocate(account.Contacts[0], account.Id, account.Products.Take(2).ToList(), users.ReferenceManager, at.AddDays(2));
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, users.SalesRep, at, "Pocket reference: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.Approved, users.ReferenceManager, at.AddDays(2), $"Candidate advocate, reserved for {Name(users.SalesRep)} until {n.ReservedUntil:yyyy-MM-dd}"),
            ], advocate));
        }

        // 2. A happy customer from marketing, approved (no account owner to ask).
        if (users.Marketing is { } marketing)
        {
            var account = free[0];
            var at = now.AddDays(-30);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, marketing,
                "Gave a glowing talk at our user group; their NPS answer was a 10 with a long comment about the roll-out.", NominationStatus.Approved, at, [.. account.Products.Take(1)]);
            n.ReviewedById = users.ReferenceManager;
            n.ReviewedAt = at.AddDays(1);
            n.ApprovedAt = at.AddDays(1);
            n.WaitingSince = at.AddDays(1);
            var advocate = NewAdvocate(account.Contacts[0], account.Id, account.Products.Take(1).ToList(), users.ReferenceManager, at.AddDays(1));
            advocate.Status = AdvocateStatus.Candidate;
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, marketing, at, "Happy customer: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.Approved, users.ReferenceManager, at.AddDays(1), "Candidate advocate"),
            ], advocate));
        }

        // 3. Waiting for review for ten days: flagged.
        {
            var account = repAccounts[1];
            var at = now.AddDays(-10);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, users.SalesRep,
                "Renewed early for three years and asked what else we could do for them. Their CIO likes to speak at events.", NominationStatus.AwaitingReview, at, [.. account.Products.Take(2)]);
            nominations.Add((n, [Step("-", NominationStatus.AwaitingReview, users.SalesRep, at, "Happy customer: " + n.Reason)], null));
        }

        // 4. Fresh in the queue, from the sales manager.
        if (users.SalesManager is { } manager)
        {
            var account = free[1];
            var at = now.AddDays(-2);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, manager,
                "Went live in six weeks instead of twelve and their operations director tells everyone.", NominationStatus.AwaitingReview, at, [.. account.Products.Take(1)]);
            nominations.Add((n, [Step("-", NominationStatus.AwaitingReview, manager, at, "Happy customer: " + n.Reason)], null));
        }

        // 5. The reference team asked the rep for more.
        {
            var account = repAccounts[2];
            var at = now.AddDays(-5);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.PocketReference, users.SalesRep,
                "Used him twice for reference calls in manufacturing deals.", NominationStatus.MoreInfoRequested, at, [.. account.Products.Take(1)]);
            n.Question = "Which products did he speak about on those calls, and would he do a case study too?";
            n.ReviewedById = users.ReferenceManager;
            n.WaitingSince = at.AddDays(1);
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, users.SalesRep, at, "Pocket reference: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.MoreInfoRequested, users.ReferenceManager, at.AddDays(1), n.Question),
            ], null));
        }

        // 6. Reviewed; waiting for the rep, who owns the account, to approve the approach.
        if (users.CustomerSuccess is { } success)
        {
            var account = repAccounts[3];
            var at = now.AddDays(-4);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, success,
                "Their go-live survey came back glowing and they offered to help other customers in their sector.", NominationStatus.AwaitingOwnerApproval, at, [.. account.Products.Take(2)]);
            n.ReviewedById = users.ReferenceManager;
            n.ReviewedAt = at.AddDays(1);
            n.OwnerId = users.SalesRep;
            n.WaitingSince = at.AddDays(1);
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, success, at, "Happy customer: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.AwaitingOwnerApproval, users.ReferenceManager, at.AddDays(1), null),
            ], null));
        }

        // 7. Declined, with the reason.
        if (users.Marketing is { } mia)
        {
            var account = free[2];
            var at = now.AddDays(-20);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, mia,
                "Liked our webinar.", NominationStatus.Declined, at);
            n.DeclineReason = "Liking a webinar is not enough yet: they went live last month. Let's ask again after their first quarter.";
            n.DeclinedById = users.ReferenceManager;
            n.WaitingSince = at.AddDays(3);
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, mia, at, "Happy customer: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.Declined, users.ReferenceManager, at.AddDays(3), n.DeclineReason),
            ], null));
        }

        // 8. Withdrawn by the rep.
        {
            var account = free[3];
            var at = now.AddDays(-15);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, users.SalesRep,
                "Very happy with support.", NominationStatus.Withdrawn, at);
            n.WaitingSince = at.AddDays(1);
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, users.SalesRep, at, "Happy customer: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.Withdrawn, users.SalesRep, at.AddDays(1), null),
            ], null));
        }

        // 9. From the reference manager, who met the customer at an event: waiting for the account's owner.
        {
            var account = repAccounts.Count > 6 ? repAccounts[6] : free[4];
            var at = now.AddDays(-3);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, users.ReferenceManager,
                "Spoke up for us in the panel at the regional user day and offered to take calls from peers.", NominationStatus.AwaitingOwnerApproval, at, [.. account.Products.Take(1)]);
            n.ReviewedById = users.ReferenceManager;
            n.ReviewedAt = at;
            n.OwnerId = account.OwnerId;
            n.WaitingSince = at;
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, users.ReferenceManager, at, "Happy customer: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.AwaitingOwnerApproval, users.ReferenceManager, at, null),
            ], null));
        }

        // 10. From an executive, after a customer advisory board: fresh in the queue.
        if (users.Executive is { } executive)
        {
            var account = free[5];
            var at = now.AddDays(-1);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, executive,
                "Their CFO told our advisory board the roll-out paid for itself in a year; she would say so to a peer.", NominationStatus.AwaitingReview, at, [.. account.Products.Take(2)]);
            nominations.Add((n, [Step("-", NominationStatus.AwaitingReview, executive, at, "Happy customer: " + n.Reason)], null));
        }

        // 11. From the administrator, who ran their single sign-on set-up: asked for more.
        if (users.Administrator is { } administrator)
        {
            var account = free[6];
            var at = now.AddDays(-6);
            var n = Nominate(account.Contacts[0], account.Id, NominationKind.HappyCustomer, administrator,
                "Their IT lead praised the single sign-on set-up and the security review in our last call.", NominationStatus.MoreInfoRequested, at, [.. account.Products.Take(1)]);
            n.Question = "Would their IT lead speak about security to a prospect's IT team, or only about the set-up?";
            n.ReviewedById = users.ReferenceManager;
            n.WaitingSince = at.AddDays(1);
            nominations.Add((n, [
                Step("-", NominationStatus.AwaitingReview, administrator, at, "Happy customer: " + n.Reason),
                Step(nameof(NominationStatus.AwaitingReview), NominationStatus.MoreInfoRequested, users.ReferenceManager, at.AddDays(1), n.Question),
            ], null));
        }

        foreach (var (_, _, advocate) in nominations.Where(x => x.Advocate is not null))
        {
            db.Advocates.Add(advocate!);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (nomination, events, advocate) in nominations)
        {
            nomination.AdvocateId = advocate?.Id;
            db.Nominations.Add(nomination);
            if (advocate is not null)
            {
                db.AdvocateStatusChanges.Add(new AdvocateStatusChange { AdvocateId = advocate.Id, To = AdvocateStatus.Candidate, At = advocate.EnrolledAt, ById = users.ReferenceManager, ByName = Name(users.ReferenceManager), Reason = $"Enrolled from a nomination by {nomination.NominatorName}" });
                if (advocate.Status == AdvocateStatus.Active)
                {
                    db.AdvocateStatusChanges.Add(new AdvocateStatusChange { AdvocateId = advocate.Id, From = AdvocateStatus.Candidate, To = AdvocateStatus.Active, At = advocate.EnrolledAt.AddHours(2), ById = users.ReferenceManager, ByName = Name(users.ReferenceManager), Reason = "Confirmed on a call" });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (nomination, events, _) in nominations)
        {
            foreach (var e in events)
            {
                e.NominationId = nomination.Id;
                db.NominationEvents.Add(e);
            }
        }

        // Approaches blocked with objections over the last months (the rep blocks at his accounts, the reference team elsewhere).
        ObjectionReason[] spread = [ObjectionReason.BigBidInProgress, ObjectionReason.TooBusy, ObjectionReason.Reorganising, ObjectionReason.BigBidInProgress, ObjectionReason.CorporatePolicy, ObjectionReason.TooBusy, ObjectionReason.Other];
        string[] notes =
        [
            "We are in the final round of a 2M renewal-and-expansion bid; not before it closes.",
            "Their team is in the middle of year-end close.",
            "New CIO started last month; the whole IT organisation is being reshaped.",
            "Expansion into two more regions under negotiation.",
            "Their legal team says they never endorse suppliers.",
            "Asked twice this quarter already.",
            "Wrong moment; ask me again in the spring.",
        ];
        var blocked = new List<(ReferenceRequest Request, string Owner, DateTimeOffset At)>();
        var blockable = advocates.Where(a => productOwners.All(p => p.Id != a.AccountId)).ToList();
        for (var i = 0; i < spread.Length && i < blockable.Count; i++)
        {
            var advocate = blockable[i];
            var owner = advocate.AccountId == repAccounts[4].Id || advocate.AccountId == repAccounts[5].Id ? users.SalesRep : users.ReferenceManager;
            Block(db, blocked, advocate, spread[i], notes[i], i % 2 == 0 ? users.SalesRep : users.Marketing ?? users.SalesRep, owner, now.AddDays(-20 - (i * 23)), Name);
        }

        // Three customers of one product blocked for service problems within weeks: a pattern, escalated to its service lead.
        string[] serviceNotes =
        [
            "Two outages of the reporting module this month; they are not in the mood.",
            "Open ticket about slow dashboards for six weeks.",
            "Data export has failed for them since the last release.",
        ];
        for (var i = 0; i < productOwners.Count; i++)
        {
            var advocate = advocates.First(a => a.AccountId == productOwners[i].Id);
            Block(db, blocked, advocate, ObjectionReason.ServiceProblems, serviceNotes[i], users.SalesRep, users.ReferenceManager, now.AddDays(-30 + (i * 9)), Name);
        }

        // One playbook answer in the program's own words; the product's service lead.
        db.PlaybookAnswers.Add(new PlaybookAnswer
        {
            Objection = ObjectionReason.TooBusy,
            Answer = "Offer the 20-minute version: one call, scheduled by us, with questions sent in advance. If they are C-level, ask our executive sponsor to ask them. " +
                "We have video budget this year: offer a filmed interview at their office; we do the work, they approve the cut.",
            UpdatedById = users.ReferenceManager,
            UpdatedByName = Name(users.ReferenceManager),
            UpdatedAt = now.AddDays(-40),
        });
        var lead = await db.Products.FirstAsync(p => p.Id == product, cancellationToken);
        lead.ServiceLeadId = users.CustomerSuccess ?? users.ReferenceManager;
        await db.SaveChangesAsync(cancellationToken);
        History(db, blocked, Name);
        await db.SaveChangesAsync(cancellationToken);

        if (productOwners.Count > 0)
        {
            await new ObjectionService(db, notifier, clock).CheckServiceProblemsAsync(productOwners[^1].Id, cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private static Advocate NewAdvocate(int contactId, int accountId, IReadOnlyCollection<int> products, string by, DateTimeOffset at) => new()
    {
        ContactId = contactId,
        AccountId = accountId,
        Status = AdvocateStatus.Active,
        ActivityTypes = ActivityTypeSet.Of([ActivityType.ReferenceCall, ActivityType.CaseStudyUse, ActivityType.SiteVisit, ActivityType.PeerReview]),
        Languages = "english",
        EnrolledAt = at,
        EnrolledById = by,
        CreatedAt = at,
        UpdatedAt = at,
        Products = [.. products.Distinct().Select(p => new AdvocateProduct { ProductId = p })],
    };

    /// <summary>A request whose one approach the owner blocked with an objection, at <paramref name="at"/>.</summary>
    private static void Block(EndorseDbContext db, List<(ReferenceRequest, string, DateTimeOffset)> blocked, Advocate advocate, ObjectionReason objection, string note, string requester, string owner, DateTimeOffset at, Func<string?, string?> name)
    {
        var request = new ReferenceRequest
        {
            RequesterId = requester,
            RequesterName = name(requester),
            ProspectName = "Prospect for " + objection switch { ObjectionReason.ServiceProblems => "a service deal", _ => "a platform deal" },
            ActivityType = ActivityType.ReferenceCall,
            NeededBy = DateOnly.FromDateTime(at.UtcDateTime).AddDays(21),
            Status = RequestWorkflow.StatusOf(false, 1, [ParticipantStatus.OwnerBlocked]),
            Mode = FulfilmentMode.Managed,
            CreatedAt = at.AddDays(-2),
            UpdatedAt = at,
            Participants =
            [
                new RequestParticipant
                {
                    AdvocateId = advocate.Id,
                    Status = ParticipantStatus.OwnerBlocked,
                    Objection = objection,
                    ObjectionNote = note,
                    OwnerDecisionById = owner,
                    OwnerDecidedAt = at,
                    CreatedAt = at.AddDays(-1),
                    UpdatedAt = at,
                },
            ],
        };
        db.ReferenceRequests.Add(request);
        blocked.Add((request, owner, at));
    }

    /// <summary>The history of the blocked requests, once they have ids.</summary>
    private static void History(EndorseDbContext db, List<(ReferenceRequest Request, string Owner, DateTimeOffset At)> blocked, Func<string?, string?> name)
    {
        foreach (var (request, owner, at) in blocked)
        {
            var participant = request.Participants[0];
            db.RequestEvents.Add(new RequestEvent { RequestId = request.Id, From = "-", To = nameof(RequestStatus.Submitted), At = request.CreatedAt, ById = request.RequesterId, ByName = request.RequesterName });
            db.RequestEvents.Add(new RequestEvent { RequestId = request.Id, ParticipantId = participant.Id, From = nameof(ParticipantStatus.Proposed), To = nameof(ParticipantStatus.AwaitingOwnerApproval), At = participant.CreatedAt, ByName = "Reference team" });
            db.RequestEvents.Add(new RequestEvent
            {
                RequestId = request.Id,
                ParticipantId = participant.Id,
                From = nameof(ParticipantStatus.AwaitingOwnerApproval),
                To = nameof(ParticipantStatus.OwnerBlocked),
                At = at,
                ById = owner,
                ByName = name(owner),
                Note = participant.Objection + ": " + participant.ObjectionNote,
            });
        }
    }
}
