using Endorse.Accounts;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Formatting;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Demo;

/// <summary>
/// A first handful of advocates for the demo: long-standing customers' senior contacts around the world, each with the
/// languages they speak (picked from the ISO 639 list: their own and English) and the time zone of their country, so
/// the answer page, invitations and reminders show each person's own zone.
/// </summary>
public static class DemoAdvocates
{
    public const int Count = 16;

    /// <summary>A representative zone per demo country (a country with several zones gets its business capital's).</summary>
    public static readonly IReadOnlyDictionary<string, string> ZoneOfCountry = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["United States"] = "America/New_York",
        ["Canada"] = "America/Toronto",
        ["Brazil"] = "America/Sao_Paulo",
        ["Mexico"] = "America/Mexico_City",
        ["Argentina"] = "America/Argentina/Buenos_Aires",
        ["Chile"] = "America/Santiago",
        ["Colombia"] = "America/Bogota",
        ["United Kingdom"] = "Europe/London",
        ["Ireland"] = "Europe/Dublin",
        ["Germany"] = "Europe/Berlin",
        ["Switzerland"] = "Europe/Zurich",
        ["Austria"] = "Europe/Vienna",
        ["Netherlands"] = "Europe/Amsterdam",
        ["Belgium"] = "Europe/Brussels",
        ["Sweden"] = "Europe/Stockholm",
        ["Denmark"] = "Europe/Copenhagen",
        ["Norway"] = "Europe/Oslo",
        ["Finland"] = "Europe/Helsinki",
        ["Poland"] = "Europe/Warsaw",
        ["France"] = "Europe/Paris",
        ["Spain"] = "Europe/Madrid",
        ["Italy"] = "Europe/Rome",
        ["Portugal"] = "Europe/Lisbon",
        ["United Arab Emirates"] = "Asia/Dubai",
        ["South Africa"] = "Africa/Johannesburg",
        ["Israel"] = "Asia/Jerusalem",
        ["Saudi Arabia"] = "Asia/Riyadh",
        ["Japan"] = "Asia/Tokyo",
        ["South Korea"] = "Asia/Seoul",
        ["Australia"] = "Australia/Sydney",
        ["New Zealand"] = "Pacific/Auckland",
        ["Singapore"] = "Asia/Singapore",
        ["India"] = "Asia/Kolkata",
    };

    /// <summary>Enrols <see cref="Count"/> advocates from different countries, the longest-standing customers first.</summary>
    public static async Task<int> EnrolAsync(EndorseDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Advocates.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var candidates = await db.Contacts.AsNoTracking()
            .Where(CustomerRule.IsCustomerContactExpression)
            .Where(c => c.Email != null && c.SeniorityTier >= Contacts.SeniorityTier.Director)
            .OrderBy(c => c.Account!.CustomerSince).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.AccountId, c.Language, c.Account!.Country })
            .Take(400)
            .ToListAsync(cancellationToken);

        // One advocate per country first, so the demo shows many zones and languages.
        var picked = candidates.GroupBy(c => c.Country).Select(g => g.First()).Take(Count).ToList();
        picked.AddRange(candidates.Where(c => !picked.Contains(c)).Take(Count - picked.Count));
        var types = ActivityTypeSet.Of([ActivityType.ReferenceCall, ActivityType.CaseStudyUse, ActivityType.PeerReview]);
        foreach (var (c, i) in picked.Select((c, i) => (c, i)))
        {
            db.Advocates.Add(new Advocate
            {
                ContactId = c.Id,
                AccountId = c.AccountId,
                Status = AdvocateStatus.Active,
                ActivityTypes = i % 3 == 0 ? types | ActivityTypeSet.Bit(ActivityType.SiteVisit) : types,
                Languages = Languages.Store(new[] { Languages.Code(c.Language), "en" }.OfType<string>()),
                TimeZone = c.Country is not null && ZoneOfCountry.TryGetValue(c.Country, out var zone) ? zone : null,
                PreferredChannel = i % 2 == 0 ? ContactChannel.VideoCall : ContactChannel.Phone,
                EnrolledAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return picked.Count;
    }
}
