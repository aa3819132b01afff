namespace Q7x2.Data.Text;

public static class JsonNames
{
    /// <summary>A .NET property path such as "Evidence[0].Exact" as its camelCase JSON path "evidence[0].exact".</summary>
    public static string CamelPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
