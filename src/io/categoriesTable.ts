import type { Category } from '../model/dataset';
import type { DelimitedTable } from './delimited';
import { InputError } from './errors';
import { findColumn } from './tableColumns';

/** A categories table `category,name[,group]` (e.g. group traded/local) in file order. */
export function categoriesFromTable(table: DelimitedTable): Category[] {
  const id = findColumn(table.header, ['category', 'id', 'code', 'cluster']);
  if (id < 0) throw new InputError({ file: table.fileName }, `no category id column (category, id or code) in the header (${table.header.join(', ')})`);
  const name = findColumn(table.header, ['name', 'label', 'title', 'category_name']);
  const group = findColumn(table.header, ['group', 'type', 'kind']);
  const seen = new Map<string, number>();
  return table.rows.map((row, i) => {
    const line = table.lines[i];
    const categoryId = row[id].trim();
    if (categoryId === '') throw new InputError({ file: table.fileName, line }, 'empty category id');
    const first = seen.get(categoryId);
    if (first !== undefined) throw new InputError({ file: table.fileName, line }, `category "${categoryId}" already defined on line ${first}`);
    seen.set(categoryId, line);
    const category: Category = { id: categoryId, name: name >= 0 && row[name].trim() !== '' ? row[name].trim() : categoryId };
    if (group >= 0 && row[group].trim() !== '') category.group = row[group].trim();
    return category;
  });
}
