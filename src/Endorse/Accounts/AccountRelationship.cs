namespace Endorse.Accounts;

/// <summary>Whether an account buys from the company: only customers' contacts become advocates.</summary>
public enum AccountRelationship
{
    /// <summary>Not (yet) a customer: no won deal, no customer-since date, or the CRM says so.</summary>
    Prospect = 0,

    Customer = 1,

    /// <summary>Was a customer and no longer is (the CRM or a person says so).</summary>
    FormerCustomer = 2,
}

/// <summary>Where an account's relationship comes from, which decides what may change it.</summary>
public enum RelationshipSource
{
    /// <summary>Worked out from won opportunities and the customer-since date (<see cref="AccountRelationshipRule"/>).</summary>
    Derived = 0,

    /// <summary>The CRM said so on the last import (Salesforce account Type, HubSpot lifecycle stage or type).</summary>
    Crm = 1,

    /// <summary>A person set it; imports keep it until a person hands it back (see docs/decisions.md).</summary>
    Person = 2,
}
