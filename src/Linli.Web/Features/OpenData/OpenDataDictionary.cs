using Linli.Web.Features.Rates;

namespace Linli.Web.Features.OpenData;

/// <summary>The data dictionary served beside the downloads: what each field means and what is left out on purpose.</summary>
public static class OpenDataDictionary
{
    public static string Markdown(int suppressBelow)
    {
        var d = RateDefinitions.English;
        return $"""
            # Linli open data — data dictionary

            Aggregate counts of the cases residents report in their neighbourhood, by month, for any area from the
            city down to a community. Nothing here is about a person, a household or a building.

            Downloads: `{OpenDataApi.Root}/<dataset>.csv` or `.json`, with `node` (a tree code of a community or a
            larger area; find codes at `/api/v1/tree`), `from` and `to` (months, `YYYY-MM`, both included; at most
            {MonthRange.MostMonths}; by default the twelve months up to this one). Months are calendar months in China
            time (UTC+8). Answers may be cached for a few minutes and carry an ETag.

            ## Rules
            - **Suppression.** A count from 1 to {suppressBelow - 1} is withheld: `null` in JSON; an empty cell with
              `<field>_suppressed` = `true` in CSV. Zero is published. So that a withheld count cannot be worked out as a
              published total minus the other published cells, a second cell in the same row or column (or the total
              itself) is withheld too (complementary suppression). A rate is withheld whenever its denominator is.
            - **Sensitive categories** (fraud, personal safety, care of elderly people; `sensitive` = true) are published
              for communities and larger areas only, as counts, never as points.
            - **Case-level data** (one record per public case, without reporters, with no place for sensitive
              categories) is the Open311 GeoReport v2 feed: `{OpenDataApi.Open311Path}`.
            - Cancelled and merged (duplicate) cases are counted as reported but left out of every rate.

            ## cases-by-category
            | field | meaning |
            |---|---|
            | month | `YYYY-MM`, or `_all` for the whole range |
            | category_code, category_name, category_name_en | the case category; `_all` for all categories together |
            | sensitive | whether the category is sensitive |
            | reported | cases reported in the month and area (withheld when small) |
            | reported_suppressed | CSV only: true when `reported` is withheld |

            ## rates-by-area
            One row per child area (a district of a city, a street of a district, a community of a street; a community
            is its own one area) and month, then the area asked for as the total (`area_code` = the node).

            | field | meaning |
            |---|---|
            | month | `YYYY-MM`, or `_all` |
            | area_code, area_name, area_name_en, area_kind | the area (kind: city, district, street, community) |
            | reported | cases reported |
            | response_due, response_rate | {d.Response} |
            | resolution_due, resolution_rate | {d.Resolution} |
            | satisfaction_ratings, satisfaction_rate | {d.Satisfaction} |

            Rates are shares from 0 to 1. `_due` counts are the rates' denominators; each `_suppressed` column says
            whether its count is withheld.

            ## Licence
            {OpenTable.Licence} Attribute "Linli open data" and the area's authority.
            """;
    }
}
