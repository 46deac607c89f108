using Microsoft.AspNetCore.Identity;

namespace Endorse.Users;

/// <summary>Identity's password check, replaced by <see cref="PasswordPolicy"/> so every path (create, reset, change) applies the same rule.</summary>
public sealed class PolicyPasswordValidator : IPasswordValidator<EndorseUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<EndorseUser> manager, EndorseUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = PasswordPolicy.Check(password, user.Email);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray()));
    }
}
