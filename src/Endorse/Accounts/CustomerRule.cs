using System.Linq.Expressions;

namespace Endorse.Accounts;

/// <summary>
/// Whether an account is a customer: only customers' contacts are discovered, wished for, onboarded and nominated.
/// The one place that decides it, so the rule changes in one line.
/// </summary>
public static class CustomerRule
{
    // Until accounts know their relationship (prospect / customer / former customer, branch `imports`), a customer is
    // an account with a customer-since date. When Account.Relationship lands, this becomes
    // `a => a.Relationship == AccountRelationship.Customer` and every caller follows.
    public static readonly Expression<Func<Account, bool>> IsCustomerExpression = a => a.CustomerSince != null;

    private static readonly Func<Account, bool> Compiled = IsCustomerExpression.Compile();

    public static bool IsCustomer(Account account) => Compiled(account);

    /// <summary>The reason a non-customer is refused, in a sentence.</summary>
    public static string NotACustomer(string accountName) => $"{accountName} is not a customer (no customer-since date), so it cannot be wished for, onboarded or discovered.";
}
