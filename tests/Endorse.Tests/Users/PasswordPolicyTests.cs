using Endorse.Users;

namespace Endorse.Tests.Users;

public class PasswordPolicyTests
{
    [Fact]
    public void The_shipped_list_of_common_passwords_is_loaded()
    {
        Assert.Equal(30_000, CommonPasswords.Count);
        Assert.True(CommonPasswords.Contains("password"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("elevenchars")]
    public void Fewer_than_twelve_characters_are_refused(string? password)
    {
        Assert.Equal([PasswordPolicy.TooShort], PasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData("qwerty123456")]
    [InlineData("QWERTY123456")]
    [InlineData("1Qaz2Wsx3Edc")]
    [InlineData("LeaveMeAlone")]
    public void Common_passwords_are_refused_whatever_their_case(string password)
    {
        Assert.Contains(PasswordPolicy.Common, PasswordPolicy.Check(password));
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("twelve chars")]
    [InlineData("Endorse-demo-1")]
    [InlineData("Test-password-1")]
    [InlineData("ÜberlangesPasswort")]
    public void Long_uncommon_passwords_pass_without_composition_rules(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, "someone@example.com"));
    }

    [Fact]
    public void The_users_own_email_is_refused()
    {
        Assert.Contains(PasswordPolicy.SameAsEmail, PasswordPolicy.Check("Ana.Long@Example.com", "ana.long@example.com"));
    }

    [Fact]
    public void More_than_two_hundred_characters_are_refused()
    {
        Assert.Equal([PasswordPolicy.TooLong], PasswordPolicy.Check(new string('x', 201)));
        Assert.Empty(PasswordPolicy.Check(new string('x', 199) + "y"));
    }
}
