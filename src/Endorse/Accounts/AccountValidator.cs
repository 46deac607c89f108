using Endorse.Listing;

namespace Endorse.Accounts;

/// <summary>
/// The rules an account must keep, used by the API and the edit page alike. Field names are the JSON
/// property names (camelCase) so API clients and form fields can match messages to inputs.
/// </summary>
public sealed class AccountValidator
{
    public const int NameMaxLength = 255;
    public const int MaxOpenEscalations = 10_000;

    private static readonly DateOnly Earliest = new(1800, 1, 1);

    public ValidationErrors Validate(AccountInput input, AccountReferences? references = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        references ??= AccountReferences.AllExist;
        var errors = new ValidationErrors();

        errors.Required("name", input.Name, "Name", NameMaxLength);
        ValidateWebsite(errors, input.Website);
        errors.MaxLength("country", input.Country, "Country", 100);
        errors.MaxLength("notes", input.Notes, "Notes", 4000);
        errors.MaxLength("ownerId", input.OwnerId, "Owner", 450);

        errors.Defined("sizeBand", input.SizeBand, "Size band");
        errors.Defined("satisfactionKind", input.SatisfactionKind, "Satisfaction kind");
        errors.Defined("disclosurePermission", input.DisclosurePermission, "Disclosure permission");
        if (input.Relationship is { } relationship)
        {
            errors.Defined("relationship", relationship, "Relationship");
        }

        if (input.Employees is < 0)
        {
            errors.Add("employees", "Employees cannot be negative.");
        }

        if (input.AnnualRevenue is < 0 or > 1_000_000_000_000_000m)
        {
            errors.Add("annualRevenue", "Annual revenue must be between 0 and 10^15.");
        }

        errors.Range("openEscalations", input.OpenEscalations, 0, MaxOpenEscalations, "Open escalations");
        ValidateSatisfaction(errors, input);

        SaneDate(errors, "customerSince", input.CustomerSince, "Customer since");
        SaneDate(errors, "contractSignedOn", input.ContractSignedOn, "Contract signed on");
        SaneDate(errors, "renewalOn", input.RenewalOn, "Renewal date");
        SaneDate(errors, "satisfactionMeasuredOn", input.SatisfactionMeasuredOn, "Satisfaction measured on");
        if (input.RenewalOn is { } renewal && input.ContractSignedOn is { } signed && renewal < signed)
        {
            errors.Add("renewalOn", "The renewal date cannot be before the contract was signed.");
        }

        if (input.SectorId is not null && !references.SectorExists)
        {
            errors.Add("sectorId", "That sector does not exist.");
        }

        if (input.RegionId is not null && !references.RegionExists)
        {
            errors.Add("regionId", "That region does not exist.");
        }

        if (input.SalesAreaId is not null && !references.SalesAreaExists)
        {
            errors.Add("salesAreaId", "That sales area does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(input.OwnerId) && !references.OwnerExists)
        {
            errors.Add("ownerId", "That owner is not a user of Endorse.");
        }

        ValidateProducts(errors, input.Products ?? [], references.ExistingProductIds);
        return errors;
    }

    private static void ValidateWebsite(ValidationErrors errors, string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return;
        }

        errors.MaxLength("website", website, "Website", 255);
        var candidate = website.Contains("://", StringComparison.Ordinal) ? website.Trim() : "https://" + website.Trim();
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.Host.Contains('.', StringComparison.Ordinal)
            || website.Any(char.IsWhiteSpace))
        {
            errors.Add("website", "Website must be a web address such as https://example.com.");
        }
    }

    private static void ValidateSatisfaction(ValidationErrors errors, AccountInput input)
    {
        switch (input.SatisfactionKind)
        {
            case SatisfactionKind.Nps:
                errors.Range("satisfactionScore", input.SatisfactionScore, -100, 100, "An NPS score");
                break;
            case SatisfactionKind.Csat:
                errors.Range("satisfactionScore", input.SatisfactionScore, 0, 100, "A CSAT score");
                break;
            case SatisfactionKind.None when input.SatisfactionScore is not null:
                errors.Add("satisfactionKind", "Say how satisfaction was measured (NPS or CSAT) when a score is given.");
                break;
        }
    }

    private static void SaneDate(ValidationErrors errors, string field, DateOnly? value, string label)
    {
        if (value is { } date && (date < Earliest || date.Year > 2200))
        {
            errors.Add(field, $"{label} must be between 1800 and 2200.");
        }
    }

    private static void ValidateProducts(ValidationErrors errors, List<AccountProductInput> products, IReadOnlySet<int>? existing)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i];
            var field = $"products[{i}].productId";
            if (product is null)
            {
                errors.Add($"products[{i}]", "A product is required.");
                continue;
            }

            if (!seen.Add(product.ProductId))
            {
                errors.Add(field, "The product is listed twice.");
            }
            else if (product.ProductId <= 0 || (existing is not null && !existing.Contains(product.ProductId)))
            {
                errors.Add(field, "That product does not exist.");
            }

            SaneDate(errors, $"products[{i}].goLiveOn", product.GoLiveOn, "Go-live date");
        }
    }
}
