using Endorse.Users;

namespace Endorse.Tests.Users;

public class UserRulesTests
{
    private static CreateUserInput ValidCreate() => new() { Email = "ana@example.com", DisplayName = "Ana", Roles = [Roles.SalesRep], Password = "Whatever-1234" };

    [Fact]
    public void A_complete_user_is_valid()
    {
        Assert.True(UserRules.ValidateCreate(ValidCreate()).IsValid);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b@c")]
    [InlineData("")]
    public void A_bad_email_is_a_field_error(string email)
    {
        var input = ValidCreate();
        input.Email = email;
        Assert.Contains("email", UserRules.ValidateCreate(input).ToDictionary().Keys);
    }

    [Fact]
    public void Unknown_roles_and_no_roles_are_refused()
    {
        var input = ValidCreate();
        input.Roles = ["Wizard", Roles.SalesRep];
        var errors = UserRules.ValidateCreate(input).ToDictionary();
        Assert.Contains(errors["roles"], m => m.Contains("Wizard", StringComparison.Ordinal));

        var update = new UpdateUserInput { DisplayName = "Ana", Roles = [] };
        Assert.Contains("roles", UserRules.ValidateUpdate(update).ToDictionary().Keys);
    }

    [Fact]
    public void A_missing_or_too_long_display_name_is_refused()
    {
        Assert.Contains("displayName", UserRules.ValidateUpdate(new UpdateUserInput { DisplayName = " ", Roles = [Roles.Executive] }).ToDictionary().Keys);
        Assert.Contains("displayName", UserRules.ValidateUpdate(new UpdateUserInput { DisplayName = new string('a', 201), Roles = [Roles.Executive] }).ToDictionary().Keys);
        Assert.Contains("crmUserId", UserRules.ValidateUpdate(new UpdateUserInput { DisplayName = "A", CrmUserId = new string('1', 101), Roles = [Roles.Executive] }).ToDictionary().Keys);
    }

    [Fact]
    public void An_administrator_cannot_remove_their_own_administrator_role()
    {
        var errors = UserRules.CheckSelfChange(new(), "me", "me", [Roles.Administrator], [Roles.SalesRep]);
        Assert.Contains("roles", errors.ToDictionary().Keys);
    }

    [Fact]
    public void An_administrator_may_change_their_other_roles_and_others_administrator_role()
    {
        Assert.True(UserRules.CheckSelfChange(new(), "me", "me", [Roles.Administrator], [Roles.Administrator, Roles.Executive]).IsValid);
        Assert.True(UserRules.CheckSelfChange(new(), "me", "you", [Roles.Administrator], [Roles.SalesRep]).IsValid);
    }

    [Fact]
    public void An_administrator_cannot_deactivate_themselves_but_can_deactivate_others()
    {
        Assert.False(UserRules.CheckDeactivation("me", "me").IsValid);
        Assert.True(UserRules.CheckDeactivation("me", "you").IsValid);
    }

    [Fact]
    public void Diff_lists_the_roles_granted_and_removed_in_canonical_order()
    {
        var (granted, removed) = UserRules.Diff([Roles.SalesRep, Roles.Marketing], [Roles.Executive, Roles.Marketing, Roles.Administrator]);
        Assert.Equal([Roles.Administrator, Roles.Executive], granted);
        Assert.Equal([Roles.SalesRep], removed);
    }

    [Fact]
    public void Normalize_drops_duplicates_and_unknown_names()
    {
        Assert.Equal([Roles.Administrator, Roles.SalesRep], UserRules.Normalize([Roles.SalesRep, "x", Roles.Administrator, Roles.SalesRep]));
    }
}
