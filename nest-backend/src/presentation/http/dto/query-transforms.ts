import { Transform } from 'class-transformer';

/** `?flag`, `?flag=true|1|yes` → true, `?flag=false|0|no` → false; anything else is left for @IsBoolean to reject. */
export function BooleanQuery(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = obj[key];
    if (value === '' || value === true) return true;
    if (typeof value !== 'string') return value;
    if (/^(true|1|yes)$/i.test(value)) return true;
    if (/^(false|0|no)$/i.test(value)) return false;
    return value;
  });
}

/** A strict integer from a query string: rejects '', '1.5', '1e3', ' 12', hex and anything else that is not plain digits. */
export function IntegerQuery(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = obj[key];
    if (typeof value === 'string' && /^-?\d{1,16}$/.test(value)) return Number(value);
    return value;
  });
}

/** `?types=a,b` or `?types=a&types=b` → ['a', 'b']. */
export function ListQuery(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = obj[key];
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value;
    return Array.isArray(items) ? items.map((item) => String(item).trim()).filter((item) => item.length > 0) : items;
  });
}
