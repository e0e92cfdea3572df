using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace CjpPortal.Core.Identity;

/// <summary>NCSC password guidance: length over complexity. At least <see cref="MinimumLength"/> characters, at most
/// <see cref="MaximumLength"/>, no rules about character classes, and none of the passwords people pick most often.</summary>
public sealed class PasswordPolicy : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    public const string TooLongCode = "PasswordTooLong";
    public const string CommonCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommonPasswords);

    public static IReadOnlySet<string> CommonPasswords => Common.Value;

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Common.Value.Contains(password.Trim());
    }

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (password is { Length: > MaximumLength })
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = TooLongCode,
                Description = $"Password must be {MaximumLength} characters or fewer",
            }));
        }

        if (password is not null && (IsCommon(password) || SameAsAccount(password, user)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "Choose a password that is harder to guess: this one is too common",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static bool SameAsAccount(string password, ApplicationUser user) =>
        string.Equals(password.Trim(), user.Email, StringComparison.OrdinalIgnoreCase)
        || string.Equals(password.Trim(), user.UserName, StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CjpPortal.Core.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in CjpPortal.Core.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
