using Endorse.Data;
using Endorse.Products;
using Endorse.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Demo;

/// <summary>The sectors, regions, sales areas and products the demo and the scale generator use, by name.</summary>
public static class DemoCatalog
{
    public sealed record SectorSeed(string Name, string Description, string[] NameWords, int RevenuePerEmployee);

    public sealed record CountrySeed(string Name, string Code, string SalesArea, string Language, string Currency, string PhonePrefix);

    public sealed record RegionSeed(string Name, CountrySeed[] Countries);

    public sealed record ProductSeed(string Name, string Family, string Description, bool IsStrategic, int LaunchedMonthsAgo, bool IsRetired = false);

    public static readonly IReadOnlyList<SectorSeed> Sectors =
    [
        new("Healthcare", "Hospitals, clinics, care providers and payers.", ["Health", "Medical", "Care", "Clinics", "Hospital Group"], 120_000),
        new("Financial services", "Banks, credit unions, asset managers and payment firms.", ["Bank", "Capital", "Financial", "Credit Union", "Asset Management"], 450_000),
        new("Manufacturing", "Discrete and process manufacturers.", ["Industries", "Manufacturing", "Components", "Machinery", "Works"], 250_000),
        new("Retail", "Store chains, e-commerce and consumer brands.", ["Retail", "Stores", "Outfitters", "Market", "Brands"], 200_000),
        new("Public sector", "Government agencies and municipalities.", ["County", "City Council", "Agency", "Authority", "Department"], 150_000),
        new("Education", "Universities, colleges and school districts.", ["University", "College", "Institute", "School District", "Academy"], 110_000),
        new("Energy & utilities", "Power, water, oil and gas.", ["Energy", "Power", "Utilities", "Water", "Renewables"], 600_000),
        new("Telecommunications", "Carriers, cable and network operators.", ["Telecom", "Networks", "Communications", "Mobile", "Broadband"], 400_000),
        new("Logistics", "Freight, parcel and warehousing.", ["Logistics", "Freight", "Transport", "Shipping", "Distribution"], 180_000),
        new("Software & internet", "Software vendors and internet companies.", ["Software", "Labs", "Technologies", "Digital", "Systems"], 300_000),
        new("Insurance", "Property, casualty, life and health insurers.", ["Insurance", "Mutual", "Assurance", "Underwriters", "Re"], 500_000),
        new("Life sciences", "Pharma, biotech and medical devices.", ["Pharma", "Biosciences", "Therapeutics", "Biotech", "Diagnostics"], 420_000),
    ];

    public static readonly IReadOnlyList<RegionSeed> Regions =
    [
        new("North America",
        [
            new("United States", "US", "North America East", "English", "USD", "+1"),
            new("United States", "US", "North America West", "English", "USD", "+1"),
            new("United States", "US", "North America Central", "English", "USD", "+1"),
            new("Canada", "CA", "North America East", "English", "CAD", "+1"),
        ]),
        new("Latin America",
        [
            new("Brazil", "BR", "Latin America", "Portuguese", "BRL", "+55"),
            new("Mexico", "MX", "Latin America", "Spanish", "MXN", "+52"),
            new("Argentina", "AR", "Latin America", "Spanish", "USD", "+54"),
            new("Chile", "CL", "Latin America", "Spanish", "USD", "+56"),
            new("Colombia", "CO", "Latin America", "Spanish", "USD", "+57"),
        ]),
        new("EMEA North",
        [
            new("United Kingdom", "GB", "UK & Ireland", "English", "GBP", "+44"),
            new("Ireland", "IE", "UK & Ireland", "English", "EUR", "+353"),
            new("Germany", "DE", "DACH", "German", "EUR", "+49"),
            new("Switzerland", "CH", "DACH", "German", "CHF", "+41"),
            new("Austria", "AT", "DACH", "German", "EUR", "+43"),
            new("Netherlands", "NL", "Nordics & Benelux", "Dutch", "EUR", "+31"),
            new("Belgium", "BE", "Nordics & Benelux", "French", "EUR", "+32"),
            new("Sweden", "SE", "Nordics & Benelux", "Swedish", "SEK", "+46"),
            new("Denmark", "DK", "Nordics & Benelux", "Danish", "DKK", "+45"),
            new("Norway", "NO", "Nordics & Benelux", "Norwegian", "NOK", "+47"),
            new("Finland", "FI", "Nordics & Benelux", "Finnish", "EUR", "+358"),
            new("Poland", "PL", "DACH", "Polish", "EUR", "+48"),
        ]),
        new("EMEA South",
        [
            new("France", "FR", "Southern Europe", "French", "EUR", "+33"),
            new("Spain", "ES", "Southern Europe", "Spanish", "EUR", "+34"),
            new("Italy", "IT", "Southern Europe", "Italian", "EUR", "+39"),
            new("Portugal", "PT", "Southern Europe", "Portuguese", "EUR", "+351"),
            new("United Arab Emirates", "AE", "Middle East & Africa", "English", "USD", "+971"),
            new("South Africa", "ZA", "Middle East & Africa", "English", "USD", "+27"),
            new("Israel", "IL", "Middle East & Africa", "English", "USD", "+972"),
            new("Saudi Arabia", "SA", "Middle East & Africa", "English", "USD", "+966"),
        ]),
        new("APAC",
        [
            new("Japan", "JP", "APAC North", "Japanese", "JPY", "+81"),
            new("South Korea", "KR", "APAC North", "Korean", "USD", "+82"),
            new("Australia", "AU", "ANZ & Southeast Asia", "English", "AUD", "+61"),
            new("New Zealand", "NZ", "ANZ & Southeast Asia", "English", "AUD", "+64"),
            new("Singapore", "SG", "ANZ & Southeast Asia", "English", "SGD", "+65"),
            new("India", "IN", "ANZ & Southeast Asia", "English", "USD", "+91"),
        ]),
    ];

    /// <summary>Sales areas and the region each belongs to.</summary>
    public static readonly IReadOnlyList<(string Name, string Region)> SalesAreas =
    [
        ("North America East", "North America"),
        ("North America West", "North America"),
        ("North America Central", "North America"),
        ("Latin America", "Latin America"),
        ("UK & Ireland", "EMEA North"),
        ("DACH", "EMEA North"),
        ("Nordics & Benelux", "EMEA North"),
        ("Southern Europe", "EMEA South"),
        ("Middle East & Africa", "EMEA South"),
        ("APAC North", "APAC"),
        ("ANZ & Southeast Asia", "APAC"),
    ];

    public static readonly IReadOnlyList<ProductSeed> Products =
    [
        new("Core Platform", "Platform", "The system of record every customer starts with.", false, 144),
        new("Analytics", "Platform", "Dashboards, reports and data exports.", false, 96),
        new("Workflow Automation", "Platform", "Rules, approvals and integrations without code.", false, 72),
        new("Field Service", "Operations", "Scheduling and dispatch of field technicians.", false, 60),
        new("Payments", "Commerce", "Invoicing and card and bank payments.", false, 48),
        new("Customer Portal", "Commerce", "Self-service for the customer's own customers.", false, 36),
        new("Security & Compliance Suite", "Platform", "Audit, data residency and key management.", true, 18),
        new("AI Assistant", "AI", "Generative assistant for agents and analysts.", true, 7),
        new("Legacy On-Premises Server", "Platform", "The on-premises edition, no longer sold.", false, 180, IsRetired: true),
    ];

    /// <summary>The database ids of the catalog rows, in the order of the lists above.</summary>
    public sealed record Ids(int[] SectorIds, int[] RegionIds, Dictionary<string, int> SalesAreaIds, int[] ProductIds, DateOnly?[] ProductLaunches);

    /// <summary>Adds whatever part of the catalog is missing (matched by name) and returns the ids of all of it.</summary>
    public static async Task<Ids> EnsureAsync(EndorseDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var sectors = await db.Sectors.ToDictionaryAsync(s => s.Name, cancellationToken);
        foreach (var seed in Sectors.Where(s => !sectors.ContainsKey(s.Name)))
        {
            var sector = new Sector { Name = seed.Name, Description = seed.Description };
            db.Sectors.Add(sector);
            sectors[seed.Name] = sector;
        }

        var regions = await db.Regions.ToDictionaryAsync(r => r.Name, cancellationToken);
        foreach (var seed in Regions.Where(r => !regions.ContainsKey(r.Name)))
        {
            var countries = string.Join(",", seed.Countries.Select(c => c.Name + "," + c.Code).Distinct());
            var region = new Region { Name = seed.Name, Countries = countries };
            db.Regions.Add(region);
            regions[seed.Name] = region;
        }

        var areas = await db.SalesAreas.ToDictionaryAsync(a => a.Name, cancellationToken);
        foreach (var (name, regionName) in SalesAreas.Where(a => !areas.ContainsKey(a.Name)))
        {
            var area = new SalesArea { Name = name, Region = regions[regionName] };
            db.SalesAreas.Add(area);
            areas[name] = area;
        }

        var products = await db.Products.ToDictionaryAsync(p => p.Name, cancellationToken);
        foreach (var seed in Products.Where(p => !products.ContainsKey(p.Name)))
        {
            var product = new Product
            {
                Name = seed.Name,
                Family = seed.Family,
                Description = seed.Description,
                IsStrategic = seed.IsStrategic,
                IsRetired = seed.IsRetired,
                LaunchedOn = new DateOnly(today.Year, today.Month, 1).AddMonths(-seed.LaunchedMonthsAgo),
            };
            db.Products.Add(product);
            products[seed.Name] = product;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Ids(
            Sectors.Select(s => sectors[s.Name].Id).ToArray(),
            Regions.Select(r => regions[r.Name].Id).ToArray(),
            SalesAreas.ToDictionary(a => a.Name, a => areas[a.Name].Id),
            Products.Select(p => products[p.Name].Id).ToArray(),
            Products.Select(p => products[p.Name].LaunchedOn).ToArray());
    }
}
