using System.Collections.Frozen;
using System.Globalization;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Reads "target.auth": the identity token a target asks for. Checked here as well: the target is https (a bearer
/// token over plain http is readable on the way; http only to a loopback host, for local development) and no
/// Authorization header is given beside it (the token is the Authorization header).
/// </summary>
internal static class AuthReader
{
    private const string AuthorizationHeader = "Authorization";

    private static readonly FrozenSet<string> AuthNames = FrozenSet.ToFrozenSet(["type", "audience"], StringComparer.Ordinal);

    /// <summary>The auth of <paramref name="target"/>, or null when it has none or it is invalid.</summary>
    public static TargetAuth? Read(
        JsonObjectReader target, Uri? url, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> secretHeaders)
    {
        if (target.Object("auth") is not { } auth)
        {
            return null;
        }

        auth.RejectUnknown(AuthNames);
        auth.Require("type");
        var typeValid = ReadType(auth);
        auth.Require("audience");
        var audience = ReadAudience(auth);

        if (url is not null && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            target.Errors.Add(target.PointerOf("url"), ValidationRules.HttpsRequired,
                "A target with 'auth' must be https: the token would travel readable over http (plain http is accepted only to a loopback host).");
        }

        CheckNoAuthorization(target, "headers", headers);
        CheckNoAuthorization(target, "secretHeaders", secretHeaders);
        return typeValid && audience is not null ? new TargetAuth { Type = TargetAuthType.ManagedIdentity, Audience = audience } : null;
    }

    private static bool ReadType(JsonObjectReader auth)
    {
        if (auth.String("type") is not { } type)
        {
            return false;
        }

        if (type == "managedIdentity")
        {
            return true;
        }

        auth.Errors.Add(auth.PointerOf("type"), ValidationRules.Enum, $"'{type}' is not an auth type; use 'managedIdentity'.");
        return false;
    }

    private static string? ReadAudience(JsonObjectReader auth)
    {
        if (auth.String("audience") is not { } audience)
        {
            return null;
        }

        var pointer = auth.PointerOf("audience");
        if (audience.Length > DefinitionLimits.MaxAudienceLength)
        {
            Bounds.CheckLength(auth.Errors, pointer, audience, DefinitionLimits.MaxAudienceLength);
            return null;
        }

        if (audience.EndsWith(TargetAuth.DefaultScopeSuffix, StringComparison.OrdinalIgnoreCase))
        {
            auth.Errors.Add(pointer, ValidationRules.Audience,
                $"Give the audience without '{TargetAuth.DefaultScopeSuffix}': the scheduler asks for '<audience>{TargetAuth.DefaultScopeSuffix}' itself.");
            return null;
        }

        if (!IsAudience(audience))
        {
            auth.Errors.Add(pointer, ValidationRules.Audience, string.Create(CultureInfo.InvariantCulture,
                $"'{audience}' is not an audience: give the application ID URI (api://... or https://..., no query or fragment) or the client id (a GUID) of the app that protects the target."));
            return null;
        }

        return audience;
    }

    // A client id, or an application ID URI as Microsoft Entra writes them: api://<id or name>[/path] or https://<host>[/path].
    private static bool IsAudience(string audience)
    {
        if (Guid.TryParseExact(audience, "D", out _))
        {
            return true;
        }

        return audience.All(c => c is > ' ' and <= '~')
            && Uri.TryCreate(audience, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == "api")
            && uri.Host.Length > 0
            && uri.UserInfo.Length == 0
            && uri.Query.Length == 0
            && uri.Fragment.Length == 0;
    }

    private static void CheckNoAuthorization(JsonObjectReader target, string property, IReadOnlyDictionary<string, string> headers)
    {
        var given = headers.Keys.FirstOrDefault(name => string.Equals(name, AuthorizationHeader, StringComparison.OrdinalIgnoreCase));
        if (given is not null)
        {
            target.Errors.Add(FieldErrors.PointerOf(target.PointerOf(property), given), ValidationRules.AuthConflict,
                $"'{given}' is set by 'auth' (the identity token); remove the header or the auth.");
        }
    }
}
