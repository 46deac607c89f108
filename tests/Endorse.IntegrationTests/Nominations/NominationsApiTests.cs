using System.Net;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.Nominations;
using Endorse.Readiness;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Nominations;

public sealed class NominationsApiTests
{
    private static readonly string[] CallsAndVisits = ["ReferenceCall", "SiteVisit"];
    private static readonly int[] Unknown = [424242];

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_pocket_reference_goes_from_nomination_through_review_and_the_owners_approval_to_a_reserved_advocate(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.CreateUserAsync(Roles.SalesRep);
        var repClient = app.ClientWithToken(await app.CreateTokenAsync(rep.Id));
        var owner = await app.CreateUserAsync(Roles.SalesRep);
        var ownerClient = app.ClientWithToken(await app.CreateTokenAsync(owner.Id));
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var product = await app.AddProductAsync("Analytics");
        var account = await app.AddCustomerAsync("Globex", owner.Id);
        var contact = await app.AddContactAsync(account, "Grace", "Hopper", "grace@globex.example");

        // The check before typing: nothing stands in the way, and the owner will be asked.
        var check = await (await repClient.GetAsync($"/api/v1/nominations/check?contactId={contact}")).ReadJsonAsync();
        Assert.Empty(check["refusals"]!.AsArray());
        Assert.True((bool)check["ownerApprovalNeeded"]!);

        var created = await repClient.PostJsonAsync("/api/v1/nominations", new
        {
            contactId = contact,
            kind = "PocketReference",
            reason = "Took three prospect calls for me last year.",
            activityTypes = CallsAndVisits,
            productIds = new[] { product },
            reserveForMe = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var nomination = await created.ReadJsonAsync();
        var id = (int)nomination["id"]!;
        Assert.Equal("AwaitingReview", (string?)nomination["status"]);
        Assert.Equal(["withdraw"], nomination["actions"]!.AsArray().Select(a => (string)a!));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == managerUser.Id && n.Link == $"/nominations/{id}")), "The reference manager hears of it.");

        // It is in the queue (reference team only) and in the rep's own list.
        var queue = await (await manager.GetAsync("/api/v1/nominations?view=Queue&open=true")).ReadJsonAsync();
        Assert.Contains(queue["items"]!.AsArray(), i => (int)i!["id"]! == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.GetAsync("/api/v1/nominations?view=Queue")).StatusCode);
        var mine = await (await repClient.GetAsync("/api/v1/nominations")).ReadJsonAsync();
        Assert.Equal("AwaitingReview", (string?)Assert.Single(mine["items"]!.AsArray())!["status"]);

        // The reference manager asks for more; the rep answers; it is back in the queue.
        var asked = await manager.StepAsync(id, "ask", "Which products did she speak about?");
        Assert.Equal("MoreInfoRequested", (string?)asked["status"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostJsonAsync($"/api/v1/nominations/{id}/ask", new { note = "?" })).StatusCode);
        var answered = await repClient.StepAsync(id, "answer", "Analytics, on two calls.");
        Assert.Equal("AwaitingReview", (string?)answered["status"]);

        // Reviewed: on to the account owner, who is asked by inbox and mail.
        var reviewed = await manager.StepAsync(id, "approve");
        Assert.Equal("AwaitingOwnerApproval", (string?)reviewed["status"]);
        Assert.True(await app.WithDbAsync(db => db.OutboundMails.AnyAsync(m => m.To == owner.Email && m.Subject.StartsWith("Approve a nomination"))));
        Assert.Equal(HttpStatusCode.Forbidden, (await repClient.PostAsync($"/api/v1/nominations/{id}/owner-approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientForAsync(Roles.SalesRep)).GetAsync($"/api/v1/nominations/{id}")).StatusCode);

        var approved = await ownerClient.StepAsync(id, "owner-approve");
        Assert.Equal("Approved", (string?)approved["status"]);
        var advocateId = (int)approved["advocateId"]!;
        var reservedUntil = DateOnly.Parse((string)approved["reservedUntil"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(89), reservedUntil);

        // A second approval changes nothing.
        var again = await ownerClient.PostAsync($"/api/v1/nominations/{id}/owner-approve", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This nomination is approved", (string?)(await again.ReadJsonAsync())["detail"], StringComparison.Ordinal);

        // The advocate: a Candidate with the nomination's profile, linked to it for ever.
        var advocate = await app.WithDbAsync(db => db.Advocates.Include(a => a.Products).SingleAsync(a => a.Id == advocateId));
        Assert.Equal(AdvocateStatus.Candidate, advocate.Status);
        Assert.Equal(contact, advocate.ContactId);
        Assert.Equal([ActivityType.ReferenceCall, ActivityType.SiteVisit], ActivityTypeSet.Expand(advocate.ActivityTypes));
        Assert.Equal([product], advocate.Products.Select(p => p.ProductId));
        var stored = await app.WithDbAsync(db => db.Nominations.SingleAsync(n => n.Id == id));
        Assert.Equal(advocateId, stored.AdvocateId);
        Assert.Equal(rep.Id, stored.NominatorId);

        // The rep was told of every decision, in the inbox and by mail.
        var told = await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == rep.Id).OrderBy(n => n.Id).Select(n => n.Title).ToListAsync());
        Assert.Equal(
            ["The reference team asks about your nomination of Grace Hopper", "Your nomination of Grace Hopper was approved by the reference team", "Grace Hopper is now an advocate"],
            told);
        Assert.Equal(3, await app.WithDbAsync(db => db.OutboundMails.CountAsync(m => m.To == rep.Email)));

        // The history and the audit log.
        var history = (await (await repClient.GetAsync($"/api/v1/nominations/{id}")).ReadJsonAsync())["history"]!.AsArray();
        Assert.Equal(["AwaitingReview", "MoreInfoRequested", "AwaitingReview", "AwaitingOwnerApproval", "Approved"], history.Select(e => (string)e!["to"]!));
        Assert.Equal("Analytics, on two calls.", (string?)history[2]!["note"]);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Nomination" && a.EntityId == id.ToString())) >= 5);

        // The advocate page says where they came from (through the nomination), and the rep may end the reservation early.
        var released = await repClient.StepAsync(id, "release");
        Assert.Null(released["reservedUntil"]);
        Assert.Equal(HttpStatusCode.Conflict, (await repClient.PostAsync($"/api/v1/nominations/{id}/release", null)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Contacts_that_cannot_be_nominated_get_a_clear_answer_and_nothing_changes(string database)
    {
        await using var app = new EndorseApp(database);
        var rep = await app.ClientForAsync(Roles.SalesRep);
        var manager = await app.ClientForAsync(Roles.ReferenceManager);

        var customer = await app.AddCustomerAsync("Initech");
        var advocateContact = await app.AddContactAsync(customer, "Peter", "Gibbons");
        var dncContact = await app.AddContactAsync(customer, "Milton", "Waddams");
        var openContact = await app.AddContactAsync(customer, "Samir", "Nagheenanajar");
        await app.WithDbAsync(async db =>
        {
            db.Advocates.Add(new Advocate { ContactId = advocateContact, AccountId = customer, Status = AdvocateStatus.Active, EnrolledAt = DateTimeOffset.UtcNow });
            db.Advocates.Add(new Advocate { ContactId = dncContact, AccountId = customer, Status = AdvocateStatus.DoNotContact, EnrolledAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var noPublicity = await app.AddContactAsync(await app.AddCustomerAsync("Hooli", configure: a => a.DisclosurePermission = DisclosurePermission.NoPublicity), "Gavin", "Belson");
        var prospect = await app.AddContactAsync(await app.AddAccountAsync("Pied Piper"), "Richard", "Hendricks");
        var former = await app.AddContactAsync(
            await app.AddCustomerAsync("Raviga", configure: a => (a.Relationship, a.RelationshipSource) = (AccountRelationship.FormerCustomer, RelationshipSource.Person)), "Laurie", "Bream");
        var reorganising = await app.AddCustomerAsync("Vandelay");
        var gated = await app.AddContactAsync(reorganising, "Art", "Vandelay");
        await app.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            db.AccountGates.Add(new AccountGate { AccountId = reorganising, Kind = GateKind.Reorganisation, StartsOn = today.AddDays(-1), EndsOn = today.AddDays(30), Reason = "New CIO arriving" });
            return await db.SaveChangesAsync();
        });
        var open = await rep.NominateAsync(openContact);
        var before = await app.WithDbAsync(db => db.Nominations.CountAsync());

        async Task<string> RefusedAsync(int contactId, HttpStatusCode expected)
        {
            var response = await rep.PostJsonAsync("/api/v1/nominations", new { contactId, kind = "HappyCustomer", reason = "Happy." });
            Assert.Equal(expected, response.StatusCode);
            var problem = await response.ReadJsonAsync();
            return expected == HttpStatusCode.BadRequest ? string.Join(" ", problem["errors"]!["contactId"]!.AsArray().Select(m => (string)m!)) : (string)problem["detail"]!;
        }

        Assert.Equal("Peter Gibbons is already an advocate (active); there is nothing to nominate.", await RefusedAsync(advocateContact, HttpStatusCode.BadRequest));
        Assert.Contains("is marked do-not-contact", await RefusedAsync(dncContact, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Contains("Hooli has a no-publicity policy", await RefusedAsync(noPublicity, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal("Pied Piper is a prospect, not a customer: only customers' contacts can be nominated.", await RefusedAsync(prospect, HttpStatusCode.BadRequest));
        Assert.Equal("Raviga is a former customer: only customers' contacts can be nominated.", await RefusedAsync(former, HttpStatusCode.BadRequest));
        Assert.StartsWith("Vandelay may not be approached now: The account is reorganising (New CIO arriving)", await RefusedAsync(gated, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal($"Samir Nagheenanajar is already nominated (nomination #{open}, waiting for the reference team's review); add to that one instead.", await RefusedAsync(openContact, HttpStatusCode.Conflict));

        // Malformed input: field by field.
        var empty = await (await rep.PostJsonAsync("/api/v1/nominations", new { contactId = openContact })).ReadJsonAsync();
        Assert.NotNull(empty["errors"]!["kind"]);
        Assert.NotNull(empty["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.PostJsonAsync("/api/v1/nominations", new { contactId = 999_999, kind = "HappyCustomer", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.PostJsonAsync("/api/v1/nominations", new { contactId = openContact, kind = "Best friend", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await rep.PostJsonAsync("/api/v1/nominations", new { contactId = prospect, kind = "HappyCustomer", reason = "x", productIds = Unknown })).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await rep.PostAsync("/api/v1/nominations", new StringContent("contactId=1"))).StatusCode);

        // A step's note is required; a step in the wrong state is a 409; someone else's step a 403.
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostJsonAsync($"/api/v1/nominations/{open}/decline", new { note = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PostJsonAsync($"/api/v1/nominations/{open}/answer", new { note = "Nobody asked" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync($"/api/v1/nominations/{open}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync("/api/v1/nominations/999999/approve", null)).StatusCode);

        Assert.Equal(before, await app.WithDbAsync(db => db.Nominations.CountAsync()));
        Assert.Equal("AwaitingReview", (await app.WithDbAsync(db => db.Nominations.SingleAsync(n => n.Id == open))).Status.ToString());

        // The check says the same before anyone types.
        var check = await (await rep.GetAsync($"/api/v1/nominations/check?contactId={openContact}")).ReadJsonAsync();
        Assert.Equal(open, (int)check["openNominationId"]!);
        Assert.False((bool)check["canNominate"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await rep.GetAsync("/api/v1/nominations/check?contactId=999999")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Two_nominations_of_one_contact_at_once_one_wins_and_the_other_is_told(string database)
    {
        await using var app = new EndorseApp(database);
        var first = await app.ClientForAsync(Roles.SalesRep);
        var second = await app.ClientForAsync(Roles.Marketing);
        var contact = await app.AddContactAsync(await app.AddCustomerAsync("Umbrella"), "Alice", "Abernathy");

        for (var round = 0; round < 3; round++)
        {
            var body = new { contactId = contact, kind = "HappyCustomer", reason = "Happy." };
            var responses = await Task.WhenAll(first.PostJsonAsync("/api/v1/nominations", body), second.PostJsonAsync("/api/v1/nominations", body));

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var conflict = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ReadJsonAsync();
            Assert.Contains("Alice Abernathy", (string?)conflict["detail"], StringComparison.Ordinal);
            Assert.Equal(1, await app.WithDbAsync(db => db.Nominations.CountAsync(n => n.ContactId == contact && NominationRules.Open.Contains(n.Status))));

            // Withdraw it for the next round.
            var winner = responses.Single(r => r.StatusCode == HttpStatusCode.Created);
            var id = (int)(await winner.ReadJsonAsync())["id"]!;
            var mine = (await first.GetAsync($"/api/v1/nominations/{id}")).StatusCode == HttpStatusCode.OK ? first : second;
            await mine.StepAsync(id, "withdraw");
        }

        // Two reference managers deciding at once: one decision, one 409.
        var nomination = await first.NominateAsync(contact);
        var managers = new[] { await app.ClientForAsync(Roles.ReferenceManager), await app.ClientForAsync(Roles.ReferenceManager) };
        var decisions = await Task.WhenAll(
            managers[0].PostAsync($"/api/v1/nominations/{nomination}/approve", null),
            managers[1].PostJsonAsync($"/api/v1/nominations/{nomination}/decline", new { note = "Not now" }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], decisions.Select(r => r.StatusCode).Order());
        var stored = await app.WithDbAsync(db => db.Nominations.SingleAsync(n => n.Id == nomination));
        Assert.Equal(decisions[0].StatusCode == HttpStatusCode.OK ? NominationStatus.Approved : NominationStatus.Declined, stored.Status);
        Assert.Equal(stored.Status == NominationStatus.Approved ? 1 : 0, await app.WithDbAsync(db => db.Advocates.CountAsync(a => a.ContactId == contact)));
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Mistakes_can_be_undone_and_waiting_nominations_are_flagged(string database)
    {
        await using var app = new EndorseApp(database);
        var repUser = await app.CreateUserAsync(Roles.SalesRep);
        var rep = app.ClientWithToken(await app.CreateTokenAsync(repUser.Id));
        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var account = await app.AddCustomerAsync("Stark Industries", repUser.Id);
        var pepper = await app.AddContactAsync(account, "Pepper", "Potts");
        var happy = await app.AddContactAsync(account, "Happy", "Hogan");

        // Declined by mistake, reopened by the reference team; the nominator owns the account: approval makes the advocate at once.
        var id = await rep.NominateAsync(pepper);
        var declined = await manager.StepAsync(id, "decline", "Wrong person, I thought.");
        Assert.Equal("Declined", (string?)declined["status"]);
        Assert.Equal(["reopen"], declined["actions"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostAsync($"/api/v1/nominations/{id}/reopen", null)).StatusCode);
        Assert.Equal("AwaitingReview", (string?)(await manager.StepAsync(id, "reopen"))["status"]);
        Assert.Equal("Approved", (string?)(await manager.StepAsync(id, "approve"))["status"]);
        Assert.Contains(await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == repUser.Id).Select(n => n.Title).ToListAsync()), t => t == "Your nomination of Pepper Potts was reopened");

        // A nomination the nominator withdraws may be made again later.
        var withdrawn = await rep.NominateAsync(happy);
        Assert.Equal("Withdrawn", (string?)(await rep.StepAsync(withdrawn, "withdraw"))["status"]);
        var again = await rep.NominateAsync(happy);

        // Waiting over a week in its state: flagged in the lists and filtered.
        await app.WithDbAsync(db => db.Nominations.Where(n => n.Id == again).ExecuteUpdateAsync(s => s.SetProperty(n => n.WaitingSince, DateTimeOffset.UtcNow.AddDays(-8))));
        var waiting = await (await manager.GetAsync("/api/v1/nominations?view=Queue&waitingTooLong=true")).ReadJsonAsync();
        var row = Assert.Single(waiting["items"]!.AsArray());
        Assert.Equal(again, (int)row!["id"]!);
        Assert.True((bool)row["waitingTooLong"]!);
        Assert.True((bool)(await (await rep.GetAsync($"/api/v1/nominations/{again}")).ReadJsonAsync())["waitingTooLong"]!);

        // The list searches, filters and exports.
        var found = await (await rep.GetAsync("/api/v1/nominations?search=hog&status=AwaitingReview")).ReadJsonAsync();
        Assert.Equal(again, (int)Assert.Single(found["items"]!.AsArray())!["id"]!);
        Assert.Equal(2, (int)(await (await rep.GetAsync("/api/v1/nominations?search=stark")).ReadJsonAsync())["total"]! - 1);
        var csv = await rep.GetStringAsync("/api/v1/nominations/export.csv?kind=HappyCustomer");
        Assert.StartsWith("Id,Contact,Account,Kind,Status,Nominator,Created,WaitingSince,WaitingOverAWeek,AdvocateId,ReservedUntil", csv, StringComparison.Ordinal);
        Assert.Equal(4, csv.Trim().Split('\n').Length);
        Assert.Contains("Happy Hogan,Stark Industries,Happy customer,waiting for the reference team's review", csv, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Only_the_reference_team_enrols_and_changes_an_advocates_status(string database)
    {
        await using var app = new EndorseApp(database);
        var repUser = await app.CreateUserAsync(Roles.SalesRep);
        var rep = app.ClientWithToken(await app.CreateTokenAsync(repUser.Id));
        var account = await app.AddCustomerAsync("Wayne Enterprises", repUser.Id);
        var contact = await app.AddContactAsync(account, "Lucius", "Fox");
        var other = await app.AddContactAsync(account, "Alfred", "Pennyworth");

        // A rep may not enrol, even at their own account, nor in bulk.
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJsonAsync("/api/v1/advocates", new { contactId = contact })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.PostJsonAsync("/api/v1/advocates/bulk", new { contactIds = new[] { contact }, initialStatus = "Active" })).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Advocates.CountAsync()));

        var manager = await app.ClientForAsync(Roles.ReferenceManager);
        var created = await manager.PostJsonAsync("/api/v1/advocates", new { contactId = contact });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (int)(await created.ReadJsonAsync())["id"]!;

        // Nor activate one (at their own account), nor any other role but the reference team and administrators.
        foreach (var role in new[] { Roles.SalesManager, Roles.CustomerSuccess, Roles.Marketing })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientForAsync(role)).PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active" })).StatusCode);
        }

        var refused = await rep.PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(AdvocateStatus.Candidate, await app.WithDbAsync(db => db.Advocates.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(Roles.Administrator)).PostJsonAsync($"/api/v1/advocates/{id}/status", new { status = "Active" })).StatusCode);

        // What the rep does instead: nominate.
        Assert.Equal(HttpStatusCode.Created, (await rep.PostJsonAsync("/api/v1/nominations", new { contactId = other, kind = "HappyCustomer", reason = "Happy." })).StatusCode);
    }
}
