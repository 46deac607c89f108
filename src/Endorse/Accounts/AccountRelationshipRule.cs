using System.Globalization;
using System.Text;

namespace Endorse.Accounts;

/// <summary>
/// Decides whether an account is a prospect, a customer or a former customer. A person's setting stands until a
/// person hands it back; otherwise what the CRM says (its account type or lifecycle stage) stands; otherwise it is
/// derived: a customer when the account has a won opportunity or a customer-since date, else a prospect. A former
/// customer cannot be derived (nothing in the data says a customer left); the CRM or a person says so.
/// </summary>
public static class AccountRelationshipRule
{
    // Word lists of the CRM values that speak about the relationship, in the languages custom picklists are written in.
    private static readonly string[] CustomerWords = ["customer", "customers", "client", "clients", "kunde", "kundin", "cliente", "klant", "evangelist"];
    private static readonly string[] FormerWords = ["former", "ex", "churned", "churn", "lost", "past", "inactive", "cancelled", "canceled", "ehemaliger", "ehemalige", "ehemals", "ancien", "ancienne", "antiguo", "antigua", "voormalige", "voormalig", "oud", "precedente", "lapsed"];
    private static readonly string[] ProspectWords =
    [
        "prospect", "prospects", "lead", "leads", "subscriber", "marketingqualifiedlead", "salesqualifiedlead", "mql", "sql", "opportunity",
        "potential", "prospective", "interessent", "interessentin", "prospecto", "potenziale", "prospectus", "suspect",
    ];

    /// <summary>Without a person's or the CRM's word: a customer once a deal is won or a customer-since date is set.</summary>
    public static AccountRelationship Derive(bool hasWonOpportunity, DateOnly? customerSince) =>
        hasWonOpportunity || customerSince is not null ? AccountRelationship.Customer : AccountRelationship.Prospect;

    /// <summary>The relationship and its source as they should be now, from what is stored and what the CRM says.</summary>
    public static (AccountRelationship Relationship, RelationshipSource Source) Decide(
        AccountRelationship stored, RelationshipSource storedSource, AccountRelationship? crm, bool hasWonOpportunity, DateOnly? customerSince)
    {
        if (storedSource == RelationshipSource.Person)
        {
            return (stored, RelationshipSource.Person);
        }

        return crm is { } said
            ? (said, RelationshipSource.Crm)
            : (Derive(hasWonOpportunity, customerSince), RelationshipSource.Derived);
    }

    /// <summary>
    /// A save by a person (a form or the API). No relationship given: hand it back to the CRM or the derivation. The
    /// stored relationship given back unchanged while it is not a person's keeps its source (a client that sends back
    /// what it read does not pin an automatic value). Anything else is the person's choice.
    /// </summary>
    public static (AccountRelationship Relationship, RelationshipSource Source) Choose(
        AccountRelationship? given, AccountRelationship stored, RelationshipSource storedSource, AccountRelationship? crm, bool hasWonOpportunity, DateOnly? customerSince)
    {
        if (given is null || (given == stored && storedSource != RelationshipSource.Person))
        {
            var source = storedSource == RelationshipSource.Person ? RelationshipSource.Derived : storedSource;
            return Decide(stored, source, crm, hasWonOpportunity, customerSince);
        }

        return (given.Value, RelationshipSource.Person);
    }

    /// <summary>
    /// What CRM values say about the relationship: Salesforce's account Type ("Customer - Direct", "Prospect", a custom
    /// "Former Customer"), HubSpot's lifecycle stage ("customer", "lead", "marketingqualifiedlead") and type. Of several
    /// values, a former customer wins over a customer, a customer over a prospect ("Lifecycle Stage: Customer" with
    /// "Type: Prospect" left over from before). Null: none of them speaks about it ("Channel Partner / Reseller", "Other").
    /// </summary>
    public static AccountRelationship? FromCrm(params string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        AccountRelationship? best = null;
        foreach (var value in values)
        {
            if (Read(value) is not { } read)
            {
                continue;
            }

            if (best is null || Rank(read) > Rank(best.Value))
            {
                best = read;
            }
        }

        return best;

        static int Rank(AccountRelationship r) => r switch
        {
            AccountRelationship.FormerCustomer => 3,
            AccountRelationship.Customer => 2,
            _ => 1,
        };
    }

    private static AccountRelationship? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var words = Words(value);
        var glued = words.Any(w => w.StartsWith("excustomer", StringComparison.Ordinal) || w.StartsWith("exclient", StringComparison.Ordinal));
        var customer = words.Any(w => CustomerWords.Contains(w, StringComparer.Ordinal));
        if (glued || words.Contains("churned") || (customer && words.Any(w => FormerWords.Contains(w, StringComparer.Ordinal))))
        {
            return AccountRelationship.FormerCustomer;
        }

        if (words.Any(w => ProspectWords.Contains(w, StringComparer.Ordinal)))
        {
            return AccountRelationship.Prospect;
        }

        return customer ? AccountRelationship.Customer : null;
    }

    private static string[] Words(string value)
    {
        var decomposed = value.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var text = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                text.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        return text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
