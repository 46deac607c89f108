using Endorse.Contacts;

namespace Endorse.Tests.Contacts;

public class ContactValidatorTests
{
    private readonly ContactValidator validator = new();

    private IReadOnlyDictionary<string, string[]> Errors(ContactInput input, bool accountExists = true) => validator.Validate(input, accountExists).ToDictionary();

    [Fact]
    public void A_contact_with_an_account_and_a_last_name_is_valid() =>
        Assert.Empty(Errors(new ContactInput { AccountId = 1, LastName = "Lovelace", Email = "ada@example.com", Phone = "+44 (0)20 7946-0018" }));

    [Fact]
    public void The_account_and_last_name_are_required()
    {
        var errors = Errors(new ContactInput { AccountId = 0, LastName = " " });
        Assert.True(errors.ContainsKey("accountId"));
        Assert.True(errors.ContainsKey("lastName"));
    }

    [Fact]
    public void The_account_must_exist() =>
        Assert.True(Errors(new ContactInput { AccountId = 5, LastName = "X" }, accountExists: false).ContainsKey("accountId"));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("not-an-email", false)]
    [InlineData("Ada <ada@example.com>", false)]
    public void The_email_must_be_an_address(string email, bool valid) =>
        Assert.Equal(valid, !Errors(new ContactInput { AccountId = 1, LastName = "L", Email = email }).ContainsKey("email"));

    [Fact]
    public void Lengths_and_enums_are_checked()
    {
        var errors = Errors(new ContactInput { AccountId = 1, LastName = new string('x', 101), Title = new string('t', 201), Phone = "call me", SeniorityTier = (SeniorityTier)99 });
        Assert.Equal(["lastName", "phone", "seniorityTier", "title"], errors.Keys.Order().ToArray());
    }
}

public class SeniorityRuleTests
{
    [Fact]
    public void No_tier_given_infers_it_from_the_title() =>
        Assert.Equal((SeniorityTier.VicePresident, true), SeniorityRule.Decide(null, "SVP, Operations"));

    [Fact]
    public void A_tier_a_person_chooses_is_not_inferred() =>
        Assert.Equal((SeniorityTier.Director, false), SeniorityRule.Decide(SeniorityTier.Director, "Software Engineer"));

    [Fact]
    public void Changing_the_stored_tier_marks_it_chosen() =>
        Assert.Equal((SeniorityTier.CLevel, false), SeniorityRule.Decide(SeniorityTier.CLevel, "SVP", SeniorityTier.VicePresident, storedInferred: true));

    [Fact]
    public void An_inferred_tier_sent_back_unchanged_follows_a_new_title() =>
        Assert.Equal((SeniorityTier.CLevel, true), SeniorityRule.Decide(SeniorityTier.Manager, "Chief Executive Officer", SeniorityTier.Manager, storedInferred: true));

    [Fact]
    public void A_chosen_tier_sent_back_unchanged_stays_chosen() =>
        Assert.Equal((SeniorityTier.Manager, false), SeniorityRule.Decide(SeniorityTier.Manager, "Chief Executive Officer", SeniorityTier.Manager, storedInferred: false));
}
