namespace Endorse.Import;

/// <summary>An Endorse field an import file can fill, and whether every file must have it.</summary>
public sealed record ImportField(string Name, string Label, bool Required);

/// <summary>
/// The fields each entity imports and the column names each CRM export uses for them. The generic CSV format
/// takes a mapping of these field names to the file's own columns.
/// </summary>
public static class ImportFields
{
    public const string Id = "Id";
    public const string Name = "Name";
    public const string Account = "Account";
    public const string Sector = "Sector";
    public const string Country = "Country";
    public const string Employees = "Employees";
    public const string AnnualRevenue = "AnnualRevenue";
    public const string Website = "Website";
    public const string Owner = "Owner";
    public const string FirstName = "FirstName";
    public const string LastName = "LastName";
    public const string Title = "Title";
    public const string Email = "Email";
    public const string Phone = "Phone";
    public const string Stage = "Stage";
    public const string Amount = "Amount";
    public const string Currency = "Currency";
    public const string CloseDate = "CloseDate";
    public const string IsWon = "IsWon";
    public const string IsClosed = "IsClosed";

    /// <summary>The account's type (Salesforce "Type", HubSpot "Type"): read as its relationship where it says one.</summary>
    public const string Type = "Type";

    /// <summary>HubSpot's lifecycle stage of a company (lead, customer, evangelist…): read as its relationship too.</summary>
    public const string LifecycleStage = "LifecycleStage";

    public static IReadOnlyList<ImportField> For(ImportEntity entity) => entity switch
    {
        ImportEntity.Accounts =>
        [
            new(Id, "Id in the source", true), new(Name, "Name", true), new(Sector, "Industry / sector", false),
            new(Country, "Country", false), new(Employees, "Employees", false), new(AnnualRevenue, "Annual revenue", false),
            new(Website, "Website", false), new(Owner, "Owner's CRM id", false),
            new(Type, "Account type (prospect, customer, former customer…)", false), new(LifecycleStage, "Lifecycle stage", false),
        ],
        ImportEntity.Contacts =>
        [
            new(Id, "Id in the source", true), new(Account, "Account's id in the source", true), new(FirstName, "First name", false),
            new(LastName, "Last name", true), new(Title, "Job title", false), new(Email, "E-mail", false), new(Phone, "Phone", false),
        ],
        _ =>
        [
            new(Id, "Id in the source", true), new(Account, "Account's id in the source", false), new(Name, "Name", true),
            new(Stage, "Stage", false), new(Amount, "Amount", false), new(Currency, "Currency (ISO code)", false),
            new(CloseDate, "Close date", false), new(IsWon, "Won", false), new(IsClosed, "Closed", false), new(Owner, "Owner's CRM id", false),
        ],
    };

    /// <summary>The column names a CRM's export uses for each field, first match wins. Null for the generic format.</summary>
    public static IReadOnlyDictionary<string, string[]>? Columns(ImportFormat format, ImportEntity entity) => (format, entity) switch
    {
        (ImportFormat.Salesforce, ImportEntity.Accounts) => new Dictionary<string, string[]>
        {
            [Id] = ["Id"],
            [Name] = ["Name"],
            [Sector] = ["Industry"],
            [Country] = ["BillingCountry", "BillingCountryCode"],
            [Employees] = ["NumberOfEmployees"],
            [AnnualRevenue] = ["AnnualRevenue"],
            [Website] = ["Website"],
            [Owner] = ["OwnerId"],
            [Type] = ["Type"],
            [LifecycleStage] = [],
        },
        (ImportFormat.Salesforce, ImportEntity.Contacts) => new Dictionary<string, string[]>
        {
            [Id] = ["Id"],
            [Account] = ["AccountId"],
            [FirstName] = ["FirstName"],
            [LastName] = ["LastName"],
            [Title] = ["Title"],
            [Email] = ["Email"],
            [Phone] = ["Phone", "MobilePhone"],
        },
        (ImportFormat.Salesforce, ImportEntity.Opportunities) => new Dictionary<string, string[]>
        {
            [Id] = ["Id"],
            [Account] = ["AccountId"],
            [Name] = ["Name"],
            [Stage] = ["StageName"],
            [Amount] = ["Amount"],
            [Currency] = ["CurrencyIsoCode"],
            [CloseDate] = ["CloseDate"],
            [IsWon] = ["IsWon"],
            [IsClosed] = ["IsClosed"],
            [Owner] = ["OwnerId"],
        },
        (ImportFormat.HubSpot, ImportEntity.Accounts) => new Dictionary<string, string[]>
        {
            [Id] = ["Record ID", "Company ID"],
            [Name] = ["Company name", "Name"],
            [Sector] = ["Industry"],
            [Country] = ["Country/Region", "Country"],
            [Employees] = ["Number of Employees"],
            [AnnualRevenue] = ["Annual Revenue"],
            [Website] = ["Website URL", "Company Domain Name"],
            [Owner] = ["Company owner", "HubSpot Owner ID"],
            [Type] = ["Type", "Company Type"],
            [LifecycleStage] = ["Lifecycle Stage"],
        },
        (ImportFormat.HubSpot, ImportEntity.Contacts) => new Dictionary<string, string[]>
        {
            [Id] = ["Record ID", "Contact ID"],
            [Account] = ["Associated Company IDs", "Company ID", "Associated Company ID", "Associated Company IDs (Primary)"],
            [FirstName] = ["First Name"],
            [LastName] = ["Last Name"],
            [Title] = ["Job Title"],
            [Email] = ["Email"],
            [Phone] = ["Phone Number", "Mobile Phone Number"],
        },
        (ImportFormat.HubSpot, ImportEntity.Opportunities) => new Dictionary<string, string[]>
        {
            [Id] = ["Record ID", "Deal ID"],
            [Account] = ["Associated Company IDs", "Associated Company ID", "Company ID"],
            [Name] = ["Deal Name"],
            [Stage] = ["Deal Stage"],
            [Amount] = ["Amount"],
            [Currency] = ["Currency"],
            [CloseDate] = ["Close Date"],
            [IsWon] = ["Is Closed Won"],
            [IsClosed] = ["Is closed", "Is Deal Closed?"],
            [Owner] = ["Deal owner", "HubSpot Owner ID"],
        },
        _ => null,
    };

    /// <summary>The entity a file holds, guessed from its name (Account.csv, hubspot-contacts.csv, deals.csv) and else its header.</summary>
    public static ImportEntity? Detect(ImportFormat format, string? fileName, IReadOnlyList<string> header)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (name.Contains("opportunit") || name.Contains("deal"))
        {
            return ImportEntity.Opportunities;
        }

        if (name.Contains("contact") || name.Contains("people") || name.Contains("person"))
        {
            return ImportEntity.Contacts;
        }

        if (name.Contains("account") || name.Contains("compan"))
        {
            return ImportEntity.Accounts;
        }

        if (format == ImportFormat.GenericCsv)
        {
            return null;
        }

        var columns = new HashSet<string>(header.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        foreach (var entity in new[] { ImportEntity.Opportunities, ImportEntity.Contacts, ImportEntity.Accounts })
        {
            var map = Columns(format, entity)!;
            var distinctive = entity switch
            {
                ImportEntity.Opportunities => Stage,
                ImportEntity.Contacts => LastName,
                _ => Name,
            };
            if (map[distinctive].Any(columns.Contains))
            {
                return entity;
            }
        }

        return null;
    }

    /// <summary>Resolves each field to a column index in the header (−1 when absent). Missing required fields are listed.</summary>
    public static (Dictionary<string, int> Indexes, List<string> Missing) Resolve(ImportFormat format, ImportEntity entity, IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mapping)
    {
        var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            positions.TryAdd(header[i].Trim(), i);
        }

        var known = Columns(format, entity);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var field in For(entity))
        {
            string[] candidates = known is not null
                ? known[field.Name]
                : mapping is not null && mapping.TryGetValue(field.Name, out var column) && !string.IsNullOrWhiteSpace(column) ? [column] : [];
            var index = -1;
            foreach (var candidate in candidates)
            {
                if (positions.TryGetValue(candidate.Trim(), out var found))
                {
                    index = found;
                    break;
                }
            }

            indexes[field.Name] = index;
            if (index < 0 && field.Required)
            {
                missing.Add(candidates.Length > 0 ? string.Join(" or ", candidates.Select(c => $"'{c}'")) : $"(no column mapped to {field.Name})");
            }
        }

        return (indexes, missing);
    }
}
