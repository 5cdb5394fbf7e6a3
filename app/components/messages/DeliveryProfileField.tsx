import { Input } from "~/components/govuk";
import { TableRegion } from "~/components/TableRegion";
import { POSTAGE_CLASSES, POSTAGE_NAMES } from "~/forecast/delivery";
import {
  defaultDeliveryPercents,
  MAX_DELIVERY_PROFILE_LENGTH,
} from "~/forecast/delivery-profile";

const percent = (x: number | undefined) =>
  x ? `${x.toLocaleString("en-GB", { maximumFractionDigits: 2 })}%` : "–";

/**
 * A letter's delivery profile: Royal Mail's published shares by working day for each postage class, as a small
 * table, and one text input for the designer's own. One input of comma-separated percentages works the same without
 * JavaScript and fits a phone, where fifteen separate boxes would not.
 */
export function DeliveryProfileField({
  value,
  error,
}: {
  value: string | undefined;
  error?: string;
}) {
  const profiles = POSTAGE_CLASSES.map((postage) => ({
    postage,
    percents: defaultDeliveryPercents(postage),
  }));
  const days = Math.max(...profiles.map((p) => p.percents.length));
  return (
    <>
      <TableRegion label="Royal Mail delivery profiles by postage class">
        <table
          className="govuk-table app-delivery-profiles"
          id="deliveryProfile-defaults"
        >
          <caption className="govuk-table__caption govuk-table__caption--s">
            Share of letters delivered by working day after posting
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Working day
              </th>
              {profiles.map((p) => (
                <th
                  key={p.postage}
                  scope="col"
                  className="govuk-table__header govuk-table__header--numeric"
                >
                  {POSTAGE_NAMES[p.postage]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {Array.from({ length: days }, (_, k) => (
              <tr key={k} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {k + 1}
                </th>
                {profiles.map((p) => (
                  <td
                    key={p.postage}
                    className="govuk-table__cell govuk-table__cell--numeric"
                  >
                    {percent(p.percents[k])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Input
        id="deliveryProfile"
        name="deliveryProfile"
        spellcheck={false}
        autocomplete="off"
        label={{
          text: "Your own delivery profile (optional)",
          classes: "govuk-label--s",
        }}
        hint={{
          text: (
            <>
              Only if you know these letters will arrive differently, for
              example from your print supplier’s dates. Enter the percentage
              delivered on each working day after posting, starting with day 1,
              separated by commas, like 0, 60, 30, 10. They must add up to 100%.
              Up to {MAX_DELIVERY_PROFILE_LENGTH} working days. Leave it blank
              to use the postage class’s profile above. You cannot use it
              together with a delivery delay set on the forecast page.
            </>
          ),
        }}
        defaultValue={value}
        errorMessage={error}
        attributes={{ maxLength: 400 }}
      />
    </>
  );
}
