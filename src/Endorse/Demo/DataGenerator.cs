using System.Globalization;
using System.Text;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Opportunities;

namespace Endorse.Demo;

/// <summary>
/// Builds realistic customer data, the same for the same seed, catalog ids, owners and day: accounts first
/// (<see cref="Accounts"/>), then contacts and opportunities that reference them by position. Streams rows so
/// a million contacts never sit in memory; only a name, a domain and an owner per account are kept.
/// </summary>
public sealed class DataGenerator
{
    private readonly int seed;
    private readonly DemoCatalog.Ids catalog;
    private readonly IReadOnlyList<string?> ownerIds;
    private readonly DateOnly today;
    private readonly List<AccountStub> accounts = [];
    private readonly (DemoCatalog.CountrySeed Country, int RegionIndex)[] countries;

    /// <param name="seed">Same seed, same data.</param>
    /// <param name="catalog">Ids of the sectors, regions, sales areas and products (from <see cref="DemoCatalog.EnsureAsync"/>).</param>
    /// <param name="ownerIds">
    /// Sales reps who own accounts, round-robin. A null entry (or an empty list) stands for a rep who is not an Endorse user
    /// yet: the account then carries only a CRM owner id (<c>OwnerExternalId</c>), as an import would leave it.
    /// </param>
    /// <param name="today">The day the data is "as of": renewals lie ahead of it, go-lives behind it.</param>
    public DataGenerator(int seed, DemoCatalog.Ids catalog, IReadOnlyList<string?> ownerIds, DateOnly today)
    {
        this.seed = seed;
        this.catalog = catalog;
        this.ownerIds = ownerIds;
        this.today = today;
        countries = DemoCatalog.Regions.SelectMany((r, i) => r.Countries.Select(c => (c, i))).ToArray();
    }

    /// <summary>How many accounts have been generated so far; contacts and opportunities pick among them.</summary>
    public int AccountCount => accounts.Count;

    /// <summary>Yields <paramref name="count"/> accounts (ids unset; products owned in <see cref="Account.Products"/> with product ids set).</summary>
    public IEnumerable<Account> Accounts(int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return NextAccount(random, accounts.Count);
        }
    }

    /// <summary>Yields contacts of the generated accounts; the first of each account goes to account 0, 1, 2…, the rest at random.</summary>
    public IEnumerable<Contact> Contacts(int count, Func<int, int> accountId)
    {
        RequireAccounts();
        var random = new Random(unchecked(seed * 31 + 1));

        // A random of its own for local-language titles, so the rest of the data is the same as without them.
        var local = new Random(unchecked(seed * 31 + 3));
        var usedEmails = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var index = i < accounts.Count ? i : random.Next(accounts.Count);
            yield return NextContact(random, local, index, accountId(index), usedEmails);
            if (usedEmails.Count > 500_000)
            {
                usedEmails.Clear();
            }
        }
    }

    /// <summary>Yields opportunities with the generated accounts, owned by the account's owner.</summary>
    public IEnumerable<Opportunity> Opportunities(int count, Func<int, int> accountId)
    {
        RequireAccounts();
        var random = new Random(unchecked(seed * 31 + 2));
        for (var i = 0; i < count; i++)
        {
            var index = random.Next(accounts.Count);
            yield return NextOpportunity(random, index, accountId(index));
        }
    }

    private void RequireAccounts()
    {
        if (accounts.Count == 0)
        {
            throw new InvalidOperationException("Generate the accounts first: contacts and opportunities belong to them.");
        }
    }

    private Account NextAccount(Random random, int index)
    {
        var sectorIndex = random.Next(DemoCatalog.Sectors.Count);
        var sector = DemoCatalog.Sectors[sectorIndex];
        var (country, regionIndex) = PickCountry(random);
        var name = CompanyName(random, sector);
        var domain = Domain(name, index);

        var employees = Employees(random);
        var revenue = Math.Round((decimal)employees * sector.RevenuePerEmployee * (decimal)(0.6 + random.NextDouble() * 0.8) / 1000m) * 1000m;

        // About one account in seven is a prospect: no contract, no products, no satisfaction yet.
        var isCustomer = random.Next(100) >= 14;
        DateOnly? customerSince = null, contractSigned = null, renewal = null, measured = null;
        var satisfactionKind = SatisfactionKind.None;
        int? score = null;
        var products = new List<AccountProduct>();
        if (isCustomer)
        {
            var since = today.AddDays(-random.Next(60, 15 * 365));
            customerSince = since;
            var termYears = 1 + random.Next(3);
            var years = (today.DayNumber - since.DayNumber) / 365;
            contractSigned = since.AddYears(years - (years % termYears));
            renewal = contractSigned.Value.AddYears(termYears);
            var satisfaction = random.Next(100);
            if (satisfaction < 55)
            {
                satisfactionKind = SatisfactionKind.Nps;
                score = Math.Clamp((int)Math.Round(35 + Gaussian(random) * 30), -100, 100);
            }
            else if (satisfaction < 85)
            {
                satisfactionKind = SatisfactionKind.Csat;
                score = Math.Clamp((int)Math.Round(82 + Gaussian(random) * 10), 0, 100);
            }

            if (satisfactionKind != SatisfactionKind.None)
            {
                measured = today.AddDays(-random.Next(1, 540));
            }

            products = OwnedProducts(random, since);
        }

        var ownerId = ownerIds.Count > 0 ? ownerIds[index % ownerIds.Count] : null;
        var ownerExternalId = ownerId is not null ? null : "rep-" + (index % 50 + 1).ToString("000", CultureInfo.InvariantCulture);
        accounts.Add(new AccountStub(name, domain, ownerId, ownerExternalId, country, catalog.SectorIds[sectorIndex], catalog.RegionIds[regionIndex], isCustomer));

        // About one customer in fifteen who has renewed before has since left: a former customer, as a person marked it
        // (nothing in the data can say so). They did not renew: their last renewal date lies behind.
        var relationship = isCustomer ? AccountRelationship.Customer : AccountRelationship.Prospect;
        if (isCustomer && index % 15 == 4 && contractSigned is { } lastSigned && renewal is { } next && lastSigned.AddYears(lastSigned.Year - next.Year) >= customerSince)
        {
            relationship = AccountRelationship.FormerCustomer;
            renewal = lastSigned;
            contractSigned = lastSigned.AddYears(lastSigned.Year - next.Year);
        }

        return new Account
        {
            Name = name,
            NameSearch = SearchText.Normalize(name),
            Website = "https://www." + domain,
            Country = country.Name,
            SectorId = catalog.SectorIds[sectorIndex],
            RegionId = catalog.RegionIds[regionIndex],
            SalesAreaId = catalog.SalesAreaIds[country.SalesArea],
            Employees = employees,
            SizeBand = SizeBands.FromEmployees(employees),
            AnnualRevenue = revenue,
            CustomerSince = customerSince,
            Relationship = relationship,
            RelationshipSource = relationship == AccountRelationship.FormerCustomer ? RelationshipSource.Person : RelationshipSource.Derived,
            ContractSignedOn = contractSigned,
            RenewalOn = renewal,
            SatisfactionKind = satisfactionKind,
            SatisfactionScore = score,
            SatisfactionMeasuredOn = measured,
            OpenEscalations = Escalations(random),
            OwnerId = ownerId,
            OwnerExternalId = ownerExternalId,
            DisclosurePermission = Disclosure(random),
            Source = SourceSystem.Endorse,
            ExternalId = null,
            Products = products,
        };
    }

    private Contact NextContact(Random random, Random localTitles, int accountIndex, int accountId, HashSet<string> usedEmails)
    {
        var account = accounts[accountIndex];
        var first = WordLists.FirstNames[random.Next(WordLists.FirstNames.Length)];
        var last = WordLists.LastNames[random.Next(WordLists.LastNames.Length)];
        var title = LocalTitle(localTitles, account.Country.Language, Title(random));
        var tier = SeniorityInference.FromTitle(title);

        var local = Ascii(first) + "." + Ascii(last);
        var email = local + "@" + account.Domain;
        for (var n = 2; !usedEmails.Add(email); n++)
        {
            email = local + n.ToString(CultureInfo.InvariantCulture) + "@" + account.Domain;
        }

        return new Contact
        {
            AccountId = accountId,
            SectorId = account.SectorId,
            RegionId = account.RegionId,
            FirstName = first,
            LastName = last,
            NameSearch = SearchText.Normalize($"{last} {first}"),
            FirstNameSearch = SearchText.Normalize($"{first} {last}"),
            Email = email,
            EmailSearch = SearchText.Normalize(email),
            Phone = account.Country.PhonePrefix + " " + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + " " + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
            Title = title,
            SeniorityTier = tier,
            SeniorityInferred = true,
            Language = Formatting.Languages.Code(account.Country.Language),
            Source = SourceSystem.Endorse,
            ExternalId = null,
        };
    }

    private Opportunity NextOpportunity(Random random, int accountIndex, int accountId)
    {
        var account = accounts[accountIndex];
        var productIndex = random.Next(catalog.ProductIds.Length - 1); // the retired product is not sold any more
        var product = DemoCatalog.Products[productIndex];
        var kind = WordLists.OpportunityKinds[random.Next(WordLists.OpportunityKinds.Length)];
        var name = $"{account.Name} – {product.Name} {kind.ToLowerInvariant()}";

        var closed = random.Next(100) < 60;
        string stage;
        bool won = false;
        DateOnly closeDate;
        if (closed)
        {
            // A prospect has not bought: its closed deals were lost.
            won = random.Next(100) < 55 && account.HasBought;
            stage = won ? "Closed Won" : "Closed Lost";
            closeDate = today.AddDays(-random.Next(1, 3 * 365));
        }
        else
        {
            stage = WordLists.OpenStages[random.Next(WordLists.OpenStages.Length)].Stage;
            closeDate = today.AddDays(random.Next(7, 365));
        }

        var amount = Math.Round((decimal)(5_000 * Math.Pow(400, random.NextDouble())) / 100m) * 100m;
        return new Opportunity
        {
            Name = name,
            NameSearch = SearchText.Normalize(name),
            AccountId = accountId,
            Stage = stage,
            Amount = amount,
            Currency = account.Country.Currency,
            CloseDate = closeDate,
            IsClosed = closed,
            IsWon = won,
            ProductId = catalog.ProductIds[productIndex],
            OwnerId = account.OwnerId,
            OwnerExternalId = account.OwnerExternalId,
            Source = SourceSystem.Endorse,
            ExternalId = null,
        };
    }

    private (DemoCatalog.CountrySeed, int) PickCountry(Random random)
    {
        // Weighted like a typical vendor's book: North America and EMEA North carry most accounts.
        var roll = random.Next(100);
        var regionIndex = roll switch { < 38 => 0, < 48 => 1, < 73 => 2, < 88 => 3, _ => 4 };
        var inRegion = DemoCatalog.Regions[regionIndex].Countries;
        return (inRegion[random.Next(inRegion.Length)], regionIndex);
    }

    private static string CompanyName(Random random, DemoCatalog.SectorSeed sector)
    {
        var word = sector.NameWords[random.Next(sector.NameWords.Length)];
        var legal = WordLists.LegalSuffixes[random.Next(WordLists.LegalSuffixes.Length)];
        var core = random.Next(10) switch
        {
            < 5 => WordLists.CompanyStems[random.Next(WordLists.CompanyStems.Length)] + WordLists.CompanyTails[random.Next(WordLists.CompanyTails.Length)] + " " + word,
            < 7 => WordLists.CompanyStems[random.Next(WordLists.CompanyStems.Length)] + " " + word,
            < 9 => WordLists.Places[random.Next(WordLists.Places.Length)] + " " + word,
            _ => WordLists.LastNames[random.Next(WordLists.LastNames.Length)] + " & " + WordLists.LastNames[random.Next(WordLists.LastNames.Length)] + " " + word,
        };
        return legal.Length == 0 ? core : core + " " + legal;
    }

    private static string Domain(string name, int index)
    {
        var builder = new StringBuilder();
        foreach (var ch in Ascii(name))
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(ch);
            }
        }

        // Names repeat at scale; the index keeps every company's domain its own.
        return builder.Append('-').Append(index.ToString(CultureInfo.InvariantCulture)).Append(".example").ToString();
    }

    private static int Employees(Random random)
    {
        var band = random.Next(100);
        var (low, high) = band switch { < 25 => (15, 99), < 60 => (100, 999), < 88 => (1_000, 9_999), _ => (10_000, 250_000) };
        return (int)(low * Math.Pow((double)high / low, random.NextDouble()));
    }

    private List<AccountProduct> OwnedProducts(Random random, DateOnly customerSince)
    {
        var owned = new List<AccountProduct>();
        for (var p = 0; p < catalog.ProductIds.Length; p++)
        {
            var seedProduct = DemoCatalog.Products[p];
            var chance = p == 0 ? 90 : seedProduct.IsRetired ? 8 : seedProduct.IsStrategic ? 12 : 30;
            if (random.Next(100) >= chance)
            {
                continue;
            }

            var launched = catalog.ProductLaunches[p] ?? customerSince;
            var from = Math.Max(customerSince.DayNumber, launched.DayNumber);
            if (from >= today.DayNumber)
            {
                continue;
            }

            owned.Add(new AccountProduct { ProductId = catalog.ProductIds[p], GoLiveOn = DateOnly.FromDayNumber(random.Next(from, today.DayNumber)) });
        }

        return owned;
    }

    private static int Escalations(Random random) => random.Next(100) switch { < 86 => 0, < 96 => 1, < 99 => 2, _ => 3 };

    private static DisclosurePermission Disclosure(Random random) => random.Next(100) switch
    {
        < 30 => DisclosurePermission.NamedPublic,
        < 55 => DisclosurePermission.NamedCallsOnly,
        < 70 => DisclosurePermission.AnonymousOnly,
        < 90 => DisclosurePermission.Unknown,
        _ => DisclosurePermission.NoPublicity,
    };

    private static string? Title(Random random)
    {
        var roll = random.Next(100);
        if (roll < 3)
        {
            return null;
        }

        var tier = roll switch { < 8 => SeniorityTier.CLevel, < 18 => SeniorityTier.VicePresident, < 38 => SeniorityTier.Director, < 66 => SeniorityTier.Manager, _ => SeniorityTier.Practitioner };
        var templates = WordLists.Titles[tier];
        var template = templates[random.Next(templates.Length)];
        return string.Format(CultureInfo.InvariantCulture, template, WordLists.Departments[random.Next(WordLists.Departments.Length)]);
    }

    /// <summary>About half of the contacts in a country whose language has a title list write their title in it (same tier).</summary>
    private static string? LocalTitle(Random local, string language, string? title)
    {
        var roll = local.Next(100);
        var pick = local.Next(1000);
        if (title is null || roll >= 50 || !WordLists.LocalTitles.TryGetValue(language, out var titles))
        {
            return title;
        }

        var inLanguage = titles[SeniorityInference.FromTitle(title)];
        return inLanguage[pick % inLanguage.Length];
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Lower-case ASCII for e-mail addresses and domains ("Lefèvre" → "lefevre", "O'Brien" → "obrien").</summary>
    private static string Ascii(string value)
    {
        var normalized = SearchText.Normalize(value);
        var builder = new StringBuilder(normalized.Length);
        foreach (var ch in normalized)
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            {
                builder.Append(ch);
            }
            else if (ch is 'ø')
            {
                builder.Append('o');
            }
            else if (ch is 'ł')
            {
                builder.Append('l');
            }
        }

        return builder.ToString();
    }

    private sealed record AccountStub(string Name, string Domain, string? OwnerId, string? OwnerExternalId, DemoCatalog.CountrySeed Country, int SectorId, int RegionId, bool HasBought);
}
