namespace FunctionScheduler.Contracts;

/// <summary>
/// The stable rule names a <see cref="FieldError"/> carries. Clients switch on these, so a name never changes once
/// published; docs/http-contract.md explains each.
/// </summary>
public static class ValidationRules
{
    /// <summary>The body is not well-formed JSON (pointer "").</summary>
    public const string Json = "json";

    /// <summary>A value has the wrong JSON type (a string where a number belongs, say).</summary>
    public const string Type = "type";

    /// <summary>A property the contract does not define (names are case-sensitive camelCase).</summary>
    public const string UnknownProperty = "unknown-property";

    /// <summary>The same property appears twice in one object.</summary>
    public const string DuplicateProperty = "duplicate-property";

    /// <summary>A required value is missing or null.</summary>
    public const string Required = "required";

    /// <summary>Not exactly one of a set of mutually exclusive properties (cron, interval, at) is given.</summary>
    public const string OneOf = "one-of";

    /// <summary>A short-form property (cron, url, ...) given beside the full-form schedule/target objects.</summary>
    public const string MixedForm = "mixed-form";

    /// <summary>An id or group does not match <see cref="TaskId.Pattern"/>.</summary>
    public const string Pattern = "pattern";

    /// <summary>An id that names a route of the API rather than a task (<c>export</c>, <c>import</c>, any case); refused on create.</summary>
    public const string ReservedId = "reserved-id";

    /// <summary>An id given twice where each must be distinct (two lines of one import), or one that is taken.</summary>
    public const string Unique = "unique";

    /// <summary>The body's id differs from the id in the URL of a PUT.</summary>
    public const string RouteMismatch = "route-mismatch";

    /// <summary>A value that is fixed for the life of a task (its group) was changed by a replace.</summary>
    public const string Immutable = "immutable";

    /// <summary>A cron expression does not parse or never fires.</summary>
    public const string Cron = "cron";

    /// <summary>A time zone id is not known.</summary>
    public const string TimeZone = "time-zone";

    /// <summary>A property that has no meaning in this context (timeZone on an interval schedule, say).</summary>
    public const string NotApplicable = "not-applicable";

    /// <summary>A duration is not an ISO-8601 duration of days, hours, minutes and seconds.</summary>
    public const string Duration = "duration";

    /// <summary>An instant is not an RFC 3339 date-time with an explicit offset.</summary>
    public const string DateTime = "date-time";

    /// <summary>A value is not one of the allowed names (misfire policy).</summary>
    public const string Enum = "enum";

    /// <summary>A number or duration is below its lower bound.</summary>
    public const string Min = "min";

    /// <summary>A number or duration is above its upper bound.</summary>
    public const string Max = "max";

    /// <summary>An instant is not after the one it must follow (endAt after startAt).</summary>
    public const string After = "after";

    /// <summary>A one-off instant lies outside [startAt, endAt].</summary>
    public const string Range = "range";

    /// <summary>A URL is not an absolute http or https URL without user information.</summary>
    public const string AbsoluteHttpUrl = "absolute-http-url";

    /// <summary>A method is not an HTTP token, or is a method the scheduler does not send.</summary>
    public const string HttpMethod = "http-method";

    /// <summary>A header name is not an RFC 9110 token.</summary>
    public const string HeaderToken = "header-token";

    /// <summary>A header value holds a control character (CR and LF included) or a non-ASCII character.</summary>
    public const string HeaderValue = "header-value";

    /// <summary>A header the scheduler or the HTTP stack sets itself.</summary>
    public const string ReservedHeader = "reserved-header";

    /// <summary>A secret header sent as null (keep the stored value) while the target moves to another origin.</summary>
    public const string OriginChanged = "origin-changed";

    /// <summary>A header named twice, case-insensitively, across headers and secretHeaders.</summary>
    public const string DuplicateHeader = "duplicate-header";

    /// <summary>A string (or the whole body) is longer than allowed.</summary>
    public const string MaxLength = "max-length";

    /// <summary>Too many items (headers).</summary>
    public const string MaxItems = "max-items";

    /// <summary>A content type is not a valid media type.</summary>
    public const string MediaType = "media-type";

    /// <summary>An accepted status is not a code from 100 to 599, a range of them ("200-204") or a class ("2xx").</summary>
    public const string Status = "status";

    /// <summary>A JSON pointer does not follow RFC 6901 ("" or "/name/0", with "~0" and "~1" the only escapes).</summary>
    public const string JsonPointer = "json-pointer";

    /// <summary>Too few items (an empty list of accepted statuses).</summary>
    public const string MinItems = "min-items";

    /// <summary>An identity token audience is neither a client id (GUID) nor an absolute api:// or https:// URI.</summary>
    public const string Audience = "audience";

    /// <summary>A target that gets an identity token is not https (plain http only to a loopback host).</summary>
    public const string HttpsRequired = "https-required";

    /// <summary>An Authorization header given beside target.auth, which sets it.</summary>
    public const string AuthConflict = "auth-conflict";
}
