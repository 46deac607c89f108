using System.Text.RegularExpressions;
using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Requests;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Hosting;

/// <summary>
/// The demo's reference program, made through the same services a person uses: advocates (most active, some candidates),
/// and one reference request from each demo user in a different state (submitted, waiting for the account owner's approval,
/// asked by e-mail, accepted), so every list, record page and inbox of the demo has something to show.
/// </summary>
public static partial class DemoProgramSetup
{
    private const int ActiveAdvocates = 36;
    private const int CandidateAdvocates = 8;

    private static readonly ActivityType[] Activities = [ActivityType.ReferenceCall, ActivityType.CaseStudyUse, ActivityType.SiteVisit, ActivityType.PeerReview];

    public static async Task LoadAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<EndorseDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var users = await db.Users.AsNoTracking()
            .Where(u => DemoSetup.DemoUsers.Select(d => d.Email).Contains(u.Email!))
            .ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName));
        var id = (string role) => users[DemoSetup.DemoUsers.Single(d => d.Role == role).Email];
        var (adminId, _) = id(Roles.Administrator);
        var (managerId, managerName) = id(Roles.ReferenceManager);
        var (repId, _) = id(Roles.SalesRep);

        // Senior contacts with an e-mail address at customers; a few at accounts the demo rep owns (approaching them waits for
        // the rep's approval). Accounts on the demo wish list are left alone: an advocate there would make the wish come true.
        var senior = db.Contacts.AsNoTracking().Where(CustomerRule.IsCustomerContactExpression)
            .Where(c => c.SeniorityTier >= SeniorityTier.Director && c.Email != null && !db.WishListEntries.Any(w => w.AccountId == c.AccountId));
        var ownedByRep = await senior.Where(c => c.Account!.OwnerId == repId).OrderBy(c => c.Id).Select(c => c.Id).Take(6).ToListAsync();
        var others = await senior.Where(c => c.Account!.OwnerId == null).OrderBy(c => c.Id).Select(c => c.Id)
            .Take(ActiveAdvocates + CandidateAdvocates - ownedByRep.Count).ToListAsync();
        var admin = new CustomerActor(adminId, [Roles.Administrator]);
        var advocates = services.GetRequiredService<AdvocateService>();
        var profile = new AdvocateInput { ActivityTypes = [.. Activities], Languages = "English", PreferredChannel = ContactChannel.Email };
        var active = ownedByRep.Concat(others).Take(ActiveAdvocates).ToList();
        var enrolled = await advocates.BulkEnrolAsync(new BulkEnrolInput { ContactIds = active, Profile = profile, InitialStatus = AdvocateStatus.Active }, admin);
        var candidates = await advocates.BulkEnrolAsync(new BulkEnrolInput { ContactIds = others.Skip(active.Count - ownedByRep.Count).ToList(), Profile = profile }, admin);
        if (!enrolled.Succeeded || !candidates.Succeeded)
        {
            logger.LogWarning("The demo advocates were not enrolled: {Errors}", Describe(enrolled.Errors ?? candidates.Errors));
            return;
        }

        var advocateOf = await db.Advocates.AsNoTracking().Where(a => active.Contains(a.ContactId)).ToDictionaryAsync(a => a.ContactId, a => a.Id);
        var atRepAccounts = new Queue<int>(ownedByRep.Where(advocateOf.ContainsKey).Select(c => advocateOf[c]));
        var unowned = new Queue<int>(others.Where(advocateOf.ContainsKey).Select(c => advocateOf[c]));

        // Each demo user asked for an advocate, who accepted (so each has a request and a notification that links to it);
        // the rep has three more, waiting at each earlier step: on the board, for the rep's own approval, and asked by e-mail.
        var requests = services.GetRequiredService<RequestService>();
        var manager = new RequestActor(managerId, managerName, [Roles.ReferenceManager]);
        var prospects = new[] { "Northwind Health", "Contoso Logistics", "Fabrikam Retail", "Tailspin Energy", "Adventure Works", "Litware Finance", "Proseware Media" };
        var repEmail = DemoSetup.DemoUsers.Single(d => d.Role == Roles.SalesRep).Email;
        var plan = DemoSetup.DemoUsers.Select((u, i) => new DemoStep(u.Email, u.Role, "accepted", prospects[i % prospects.Length]))
            .Concat([
                new DemoStep(repEmail, Roles.SalesRep, "submitted", "Wingtip Toys"),
                new DemoStep(repEmail, Roles.SalesRep, "approval", "Woodgrove Bank"),
                new DemoStep(repEmail, Roles.SalesRep, "asked", "Alpine Ski House"),
            ]).ToList();
        var made = 0;
        foreach (var (step, index) in plan.Select((p, i) => (p, i)))
        {
            var (userId, name) = users[step.Email];
            var input = new RequestInput(null, step.Prospect, Activities[index % Activities.Length], null, null, null, null, null, "English", 1,
                today.AddDays(21 + (3 * index)), "The prospect wants to hear from a customer who has rolled this out.");
            var submitted = await requests.SubmitAsync(input, new RequestActor(userId, name, [step.Role]));
            if (!submitted.Succeeded)
            {
                logger.LogWarning("A demo request of {User} was refused: {Errors}", step.Email, Describe(submitted.Errors));
                continue;
            }

            made++;
            var requestId = submitted.Value!.Id;
            var queue = step.Step == "approval" ? atRepAccounts : unowned;
            if (step.Step == "submitted" || queue.Count == 0)
            {
                continue;
            }

            // Not every demo account is ready for advocacy (no-publicity policy, an open escalation): the next advocate is tried.
            int? advocateId = null;
            while (advocateId is null && queue.TryDequeue(out var candidate))
            {
                var proposed = await requests.ProposeAsync(requestId, new ProposeInput([candidate]), manager);
                advocateId = proposed.Succeeded ? candidate : null;
            }

            if (advocateId is null)
            {
                logger.LogWarning("No demo advocate could be proposed for {Prospect}", step.Prospect);
                continue;
            }

            if (step.Step == "accepted" && await AskTokenAsync(db, advocateId.Value) is { } token)
            {
                var first = new DateTimeOffset(today.AddDays(10).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
                var answered = await requests.AnswerAsync(token, accept: true, [first, first.AddDays(1)], null);
                if (!answered.Succeeded)
                {
                    logger.LogWarning("A demo advocate's answer was refused: {Errors}{Conflict}", Describe(answered.Errors), answered.Conflict);
                }
            }
        }

        logger.LogInformation("Loaded the demo program: {Active} active and {Candidates} candidate advocates, {Requests} requests",
            active.Count, candidates.Value!.Enrolled.Count, made);
    }

    /// <summary>The token of the answer link in the mail just queued to the advocate, as the advocate would click it.</summary>
    private static async Task<string?> AskTokenAsync(EndorseDbContext db, int advocateId)
    {
        var email = await db.Advocates.AsNoTracking().Where(a => a.Id == advocateId).Select(a => a.Contact!.Email).SingleAsync();
        var body = await db.OutboundMails.AsNoTracking().Where(m => m.To == email).OrderByDescending(m => m.Id).Select(m => m.TextBody).FirstOrDefaultAsync();
        var match = RespondLink().Match(body ?? string.Empty);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Describe(Endorse.Listing.ValidationErrors? errors) =>
        errors is null ? string.Empty : string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));

    private sealed record DemoStep(string Email, string Role, string Step, string Prospect);

    [GeneratedRegex(@"/respond/([A-Za-z0-9_\-]{43})")]
    private static partial Regex RespondLink();
}
