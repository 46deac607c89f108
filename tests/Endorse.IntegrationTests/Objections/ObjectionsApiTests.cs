using System.Net;
using System.Text.Json.Nodes;
using Endorse.Accounts;
using Endorse.IntegrationTests.Accounts;
using Endorse.IntegrationTests.Infrastructure;
using Endorse.IntegrationTests.Requests;
using Endorse.Objections;
using Endorse.Requests;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.IntegrationTests.Objections;

public sealed class ObjectionsApiTests
{
    /// <summary>The rep asks, the reference manager proposes the advocate, the account owner blocks with an objection.</summary>
    private static async Task<JsonNode> BlockAsync(HttpClient requester, HttpClient manager, HttpClient owner, int advocateId, string reason, string note)
    {
        var request = (int)(await (await requester.PostJsonAsync("/api/v1/requests", new { prospectName = "Prospect", activityType = "ReferenceCall", neededBy = RequestTestData.Today.AddDays(20) })).ReadJsonAsync())["id"]!;
        var proposed = await manager.PostJsonAsync($"/api/v1/requests/{request}/participants", new { advocateIds = new[] { advocateId } });
        Assert.True(proposed.IsSuccessStatusCode, await proposed.Content.ReadAsStringAsync());
        var pid = (int)(await proposed.ReadJsonAsync())["participants"]![0]!["id"]!;
        var blocked = await owner.PostJsonAsync($"/api/v1/requests/{request}/participants/{pid}/block", new { reason, note });
        Assert.True(blocked.StatusCode == HttpStatusCode.OK, await blocked.Content.ReadAsStringAsync());
        return (await blocked.ReadJsonAsync())["participants"]![0]!;
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task A_block_shows_the_playbook_answer_the_report_counts_it_and_service_problems_reach_the_service_lead_once(string database)
    {
        await using var app = new EndorseApp(database);
        var requester = await app.ClientForAsync(Roles.SalesRep);
        var managerUser = await app.CreateUserAsync(Roles.ReferenceManager);
        var manager = app.ClientWithToken(await app.CreateTokenAsync(managerUser.Id));
        var ownerUser = await app.CreateUserAsync(Roles.SalesRep);
        var owner = app.ClientWithToken(await app.CreateTokenAsync(ownerUser.Id));
        var lead = await app.CreateUserAsync(Roles.CustomerSuccess);
        var product = await app.AddProductAsync("Analytics");
        var area = await app.AddSalesAreaAsync("DACH");

        Assert.Equal(HttpStatusCode.OK, (await manager.PutJsonAsync($"/api/v1/products/{product}/service-lead", new { userId = lead.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutJsonAsync($"/api/v1/products/{product}/service-lead", new { userId = ownerUser.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutJsonAsync($"/api/v1/products/{product}/service-lead", new { userId = "nobody" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PutJsonAsync("/api/v1/program-settings/service-escalation", new { accounts = 3, windowDays = 30 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutJsonAsync("/api/v1/program-settings/service-escalation", new { accounts = 1, windowDays = 30 })).StatusCode);

        // Five advocates at accounts the owner owns; four own Analytics.
        var advocates = new List<(int AdvocateId, int AccountId)>();
        for (var i = 0; i < 5; i++)
        {
            var (advocateId, accountId, _) = await app.AddAdvocateAsync(ownerUser.Id);
            advocates.Add((advocateId, accountId));
            await app.WithDbAsync(async db =>
            {
                var account = await db.Accounts.SingleAsync(a => a.Id == accountId);
                account.SalesAreaId = i == 4 ? null : area;
                if (i < 4)
                {
                    db.AccountProducts.Add(new AccountProduct { AccountId = accountId, ProductId = product });
                }

                return await db.SaveChangesAsync();
            });
        }

        // The owner blocks for service problems: the playbook's answer to that objection comes back with the block.
        var first = await BlockAsync(requester, manager, owner, advocates[0].AdvocateId, "ServiceProblems", "Dashboards down twice this month.");
        Assert.Equal("OwnerBlocked", (string?)first["status"]);
        Assert.Equal(Playbook.Default(ObjectionReason.ServiceProblems), (string?)first["playbookAnswer"]);
        await BlockAsync(requester, manager, owner, advocates[1].AdvocateId, "ServiceProblems", "Slow exports.");
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == lead.Id)));

        // The third account makes the pattern: the service lead is told, by inbox and mail, with the accounts.
        await BlockAsync(requester, manager, owner, advocates[2].AdvocateId, "ServiceProblems", "Open ticket for six weeks.");
        var told = Assert.Single(await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == lead.Id).ToListAsync()));
        Assert.Equal("Service problems are blocking references: Analytics", told.Title);
        Assert.Contains("3 customers of Analytics", told.Body, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.OutboundMails.AnyAsync(m => m.To == lead.Email && m.Subject == told.Title)));

        // A fourth in the same episode tells nobody again.
        await BlockAsync(requester, manager, owner, advocates[3].AdvocateId, "ServiceProblems", "Still slow.");
        Assert.Equal(1, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == lead.Id)));
        var escalation = Assert.Single((await (await manager.GetAsync("/api/v1/objections/escalations")).ReadJsonAsync())["items"]!.AsArray());
        Assert.Equal(3, (int)escalation!["accountCount"]!);
        Assert.Equal("Product", (string?)escalation["scope"]);

        // The reference manager rewrites the playbook (audited); the next block shows the new answer; reps may not edit it.
        var rewritten = "Offer a call with our head of service first.";
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutJsonAsync("/api/v1/playbook/BigBidInProgress", new { answer = "No." })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutJsonAsync("/api/v1/playbook/BigBidInProgress", new { answer = "" })).StatusCode);
        var saved = await (await manager.PutJsonAsync("/api/v1/playbook/BigBidInProgress", new { answer = rewritten })).ReadJsonAsync();
        Assert.False((bool)saved["isDefault"]!);
        Assert.Equal(managerUser.DisplayName, (string?)saved["updatedByName"]);
        var bid = await BlockAsync(requester, manager, owner, advocates[4].AdvocateId, "BigBidInProgress", "Final round of a big renewal.");
        Assert.Equal(rewritten, (string?)bid["playbookAnswer"]);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "PlaybookAnswer").Select(e => e.Changes).ToListAsync());
        Assert.Contains(audit, c => c!.Contains(rewritten, StringComparison.Ordinal));
        var book = await (await owner.GetAsync("/api/v1/playbook")).ReadJsonAsync();
        Assert.Equal(6, book.AsArray().Count);
        Assert.True((bool)(await (await manager.DeleteAsync("/api/v1/playbook/BigBidInProgress")).ReadJsonAsync())["isDefault"]!);

        // The report: by objection, by owner, by sales area and by month, with the accounts behind each figure.
        var byObjection = await (await manager.GetAsync("/api/v1/objections/report")).ReadJsonAsync();
        Assert.Equal(5, (int)byObjection["total"]!);
        var service = byObjection["figures"]!.AsArray().Single(f => (string)f!["key"]! == "ServiceProblems")!;
        Assert.Equal(4, (int)service["count"]!);
        Assert.Equal("Service problems", (string?)service["label"]);
        Assert.Equal(advocates.Take(4).Select(a => a.AccountId).Order(), service["accounts"]!.AsArray().Select(a => (int)a!["accountId"]!).Order());
        var byOwner = await (await manager.GetAsync("/api/v1/objections/report?groupBy=Owner")).ReadJsonAsync();
        Assert.Equal(ownerUser.DisplayName, (string?)Assert.Single(byOwner["figures"]!.AsArray())!["label"]);
        var byArea = await (await manager.GetAsync("/api/v1/objections/report?groupBy=SalesArea")).ReadJsonAsync();
        Assert.Equal(["DACH:4", "No sales area:1"], byArea["figures"]!.AsArray().Select(f => $"{(string)f!["label"]!}:{(int)f["count"]!}"));
        var month = ObjectionService.MonthKey(DateTimeOffset.UtcNow);
        var byMonth = await (await manager.GetAsync($"/api/v1/objections/report?groupBy=Month&fromMonth={month}&toMonth={month}")).ReadJsonAsync();
        Assert.Equal(5, (int)Assert.Single(byMonth["figures"]!.AsArray())!["count"]!);
        Assert.Equal(0, (int)(await (await manager.GetAsync("/api/v1/objections/report?fromMonth=2020-01&toMonth=2020-02")).ReadJsonAsync())["total"]!);

        // The list filters and exports; bad months are refused; reps do not read the report.
        var bids = await (await manager.GetAsync("/api/v1/objections?objection=BigBidInProgress")).ReadJsonAsync();
        Assert.Equal("Final round of a big renewal.", (string?)Assert.Single(bids["items"]!.AsArray())!["note"]);
        Assert.Equal(4, (int)(await (await manager.GetAsync($"/api/v1/objections?productId={product}")).ReadJsonAsync())["total"]!);
        var csv = await manager.GetStringAsync("/api/v1/objections/export.csv?objection=ServiceProblems");
        Assert.StartsWith("Date,Month,Objection,Note,Account,Owner,SalesArea,RequestId", csv, StringComparison.Ordinal);
        Assert.Equal(5, csv.Trim().Split('\n').Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/objections/report?fromMonth=March")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/objections?fromMonth=2026-05&toMonth=2026-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/api/v1/objections/report")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync(Roles.SalesManager)).GetAsync("/api/v1/objections/report")).StatusCode);

        // Every new endpoint is described in the API reference.
        var openApi = await manager.GetStringAsync("/openapi/v1.json");
        foreach (var name in new[] { "NominateContact", "ListNominations", "ApproveNomination", "OwnerApproveNomination", "ReportObjections", "UpdatePlaybookAnswer", "SetProductServiceLead", "UpdatePoolRules", "GetMyPool" })
        {
            Assert.Contains($"\"{name}\"", openApi, StringComparison.Ordinal);
        }
    }
}
