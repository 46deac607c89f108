using System.Linq.Expressions;

namespace Endorse.Accounts;

/// <summary>
/// Whether an account is a customer: only customers' contacts are discovered, wished for, onboarded, nominated and
/// invited to executive programs. The one place that decides it: the account's stored relationship is
/// <see cref="AccountRelationship.Customer"/>. How the relationship is worked out (a person's word, the CRM's, else won
/// opportunities and the customer-since date) is <see cref="AccountRelationshipRule"/>'s, kept current on every save and
/// import (<see cref="AccountRelationships"/>), so a prospect with a stray customer-since date or a former customer is
/// never treated as a customer.
/// </summary>
public static class CustomerRule
{
    /// <summary>The rule as a query filter (a plain column comparison: translates on SQLite and PostgreSQL alike).</summary>
    public static readonly Expression<Func<Account, bool>> IsCustomerExpression = a => a.Relationship == AccountRelationship.Customer;

    /// <summary>The same rule for a query of contacts: the contact's account is a customer.</summary>
    public static readonly Expression<Func<Contacts.Contact, bool>> IsCustomerContactExpression = c => c.Account!.Relationship == AccountRelationship.Customer;

    public static bool IsCustomer(AccountRelationship relationship) => relationship == AccountRelationship.Customer;

    public static bool IsCustomer(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return IsCustomer(account.Relationship);
    }

    /// <summary>What the account is instead of a customer, to begin a refusal: "a former customer", "a prospect, not a customer".</summary>
    public static string Instead(AccountRelationship relationship) => relationship switch
    {
        AccountRelationship.FormerCustomer => "a former customer",
        AccountRelationship.Customer => "a customer",
        _ => "a prospect, not a customer",
    };

    /// <summary>
    /// The reason a non-customer is refused, in a sentence that says what the account is:
    /// "Acme is a former customer: only customers' contacts can be nominated."
    /// </summary>
    public static string NotACustomer(string accountName, AccountRelationship relationship, string onlyCustomers = "only customers can be wished for, onboarded or discovered") =>
        $"{accountName} is {Instead(relationship)}: {onlyCustomers}.";
}
