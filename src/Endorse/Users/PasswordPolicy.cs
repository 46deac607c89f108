namespace Endorse.Users;

/// <summary>
/// What a password must be (OWASP ASVS V2.1): at least <see cref="MinLength"/> characters, at most
/// <see cref="MaxLength"/>, not on the list of common passwords shipped with Endorse (compared ignoring case), and
/// not the user's own e-mail address. There are no composition rules (upper case, digits, symbols): ASVS 2.1.9 asks
/// for none, because they push people to predictable patterns while length and a block-list do the work.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = UserRules.MaxPassword;

    public const string TooShort = "The password must have at least 12 characters.";
    public const string TooLong = "The password must have at most 200 characters.";
    public const string Common = "This password is on a list of commonly used passwords. Choose one that is harder to guess.";
    public const string SameAsEmail = "The password must not be your e-mail address.";

    /// <summary>The reasons the password is refused; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? email = null)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return [TooShort];
        }

        if (password.Length > MaxLength)
        {
            return [TooLong];
        }

        var problems = new List<string>();
        if (CommonPasswords.Contains(password))
        {
            problems.Add(Common);
        }

        if (!string.IsNullOrWhiteSpace(email) && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(SameAsEmail);
        }

        return problems;
    }
}

/// <summary>
/// The common-password list embedded in this assembly (<c>Users/CommonPasswords.txt</c>, from zxcvbn; source and
/// licence in <c>Users/CommonPasswords.NOTICE.md</c>), read once on first use.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    /// <summary>Whether the password is on the list, ignoring case.</summary>
    public static bool Contains(string password) => List.Value.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Endorse.Users.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the Endorse assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
