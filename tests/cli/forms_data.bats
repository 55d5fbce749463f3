#!/usr/bin/env bats
# The ten built-in inspection forms (schemas/forms/*.yaml), their JSON Schema and hujing-forms(5).
load helpers

forms_dir() {
    echo "$HUJING_SOURCE_DIR/schemas/forms"
}

# Run a Python check over the forms: $1 is the script; it gets the source dir as argv[1].
check_forms() {
    run --separate-stderr python3 - "$HUJING_SOURCE_DIR" <<<"$1"
    [ "$status" -eq 0 ] || { echo "$output" "$stderr" >&2; return 1; }
}

@test "the ten forms DESIGN names are there, one file each, named by their id" {
    local ids
    ids=$(cd "$(forms_dir)" && ls -- *.yaml | sed 's/\.yaml$//' | tr '\n' ' ')
    [ "$ids" = "cybersecurity delivery entertainment hazchem lodging netcafe pawn scrap seal transport " ]
}

@test "every form follows the format: keys, 6 to 12 items, unique ids, kinds, severities, units" {
    local sectors
    sectors=$(hujing __dump-values | awk -F'\t' '$1 == "sector" { print $2 }' | tr '\n' ' ')
    [ -n "$sectors" ]
    check_forms "
import glob, os, sys, yaml
root = sys.argv[1]
sectors = set('$sectors'.split())
units = {u['code'] for u in yaml.safe_load(open(root + '/schemas/units.yaml'))['units']}
form_keys = {'id', 'name', 'version', 'unit', 'basis', 'applies_to', 'items'}
item_keys = {'id', 'text', 'kind', 'required', 'severity', 'basis', 'rectify_days'}
extra = {'yesno': set(), 'text': set(), 'number': {'min', 'max', 'unit'}, 'choice': {'choices', 'pass'}}
bad, letters = [], {}
for path in sorted(glob.glob(root + '/schemas/forms/*.yaml')):
    name = os.path.basename(path)
    form = yaml.safe_load(open(path, encoding='utf-8'))
    def fail(msg): bad.append(name + ': ' + msg)
    if set(form) != form_keys: fail('keys %s' % sorted(set(form) ^ form_keys))
    if form['id'] + '.yaml' != name: fail('id ' + form['id'])
    if form['unit'] not in units: fail('unit ' + form['unit'])
    if form['applies_to'] != {'sectors': [form['id']], 'tags': []}: fail('applies_to')
    if not set(form['applies_to']['sectors']) <= sectors: fail('sector unknown to hujing')
    if not isinstance(form['version'], int) or form['version'] < 1: fail('version')
    items = form['items']
    if not 6 <= len(items) <= 12: fail('%d items' % len(items))
    ids = [item['id'] for item in items]
    if len(set(ids)) != len(ids): fail('duplicate item id')
    prefix = {i[0] for i in ids}
    if len(prefix) != 1 or any(len(i) != 3 or not i[1:].isdigit() for i in ids): fail('item ids %s' % ids)
    letters.setdefault(ids[0][0], []).append(name)
    for item in items:
        where = item.get('id', '?') + ': '
        kind = item.get('kind')
        if kind not in extra: fail(where + 'kind %s' % kind); continue
        allowed = item_keys | extra[kind]
        if not item_keys <= set(item) <= allowed: fail(where + 'keys %s' % sorted(set(item) ^ item_keys))
        if item['severity'] not in ('minor', 'major', 'critical'): fail(where + 'severity')
        if not isinstance(item['required'], bool): fail(where + 'required')
        if not isinstance(item['rectify_days'], int) or item['rectify_days'] < 1: fail(where + 'rectify_days')
        if not item['text'].strip() or not item['basis'].strip(): fail(where + 'text/basis')
        if kind == 'number':
            if 'unit' not in item or not ({'min', 'max'} & set(item)): fail(where + 'number without range/unit')
            if 'min' in item and 'max' in item and item['min'] > item['max']: fail(where + 'min > max')
        if kind == 'choice':
            if len(item['choices']) < 2 or not set(item['pass']) <= set(item['choices']) or not item['pass']:
                fail(where + 'choices/pass')
for letter, names in letters.items():
    if len(names) > 1: bad.append('item letter %s shared by %s' % (letter, names))
print('\n'.join(bad)); sys.exit(1 if bad else 0)
"
}

@test "the forms use number and choice items where the rules set retention periods and grades" {
    check_forms "
import glob, sys, yaml
kinds = {}
for path in glob.glob(sys.argv[1] + '/schemas/forms/*.yaml'):
    for item in yaml.safe_load(open(path, encoding='utf-8'))['items']:
        kinds[item['kind']] = kinds.get(item['kind'], 0) + 1
print(kinds)
sys.exit(0 if kinds.get('number', 0) >= 8 and kinds.get('choice', 0) >= 8 and kinds.get('text', 0) >= 1 else 1)
"
    # Retention periods of the rules, as number items with their minimum.
    grep -A3 '视频监控录像保存天数' "$(forms_dir)/lodging.yaml" | grep -qx '    min: 30'
    grep -A3 '登记内容和上网记录备份保存天数' "$(forms_dir)/netcafe.yaml" | grep -qx '    min: 60'
    grep -A3 '网络日志留存月数' "$(forms_dir)/cybersecurity.yaml" | grep -qx '    min: 6'
}

@test "every form is valid against schemas/form.schema.json, and the schema rejects each mistake" {
    check_forms "
import copy, glob, json, sys, yaml
from jsonschema import Draft202012Validator as V
root = sys.argv[1]
schema = json.load(open(root + '/schemas/form.schema.json'))
V.check_schema(schema)
v = V(schema)
bad = []
for path in sorted(glob.glob(root + '/schemas/forms/*.yaml')):
    errors = [e.message for e in v.iter_errors(yaml.safe_load(open(path, encoding='utf-8')))]
    if errors: bad.append(path + ': ' + '; '.join(errors))
lodging = yaml.safe_load(open(root + '/schemas/forms/lodging.yaml', encoding='utf-8'))
by_kind = {item['kind']: n for n, item in reversed(list(enumerate(lodging['items'])))}
def mutated(change):
    form = copy.deepcopy(lodging); change(form); return form
mistakes = {
    'unknown form key': lambda f: f.update(colour='red'),
    'unknown item key': lambda f: f['items'][0].update(weight=2),
    'missing text': lambda f: f['items'][0].pop('text'),
    'bad kind': lambda f: f['items'][0].update(kind='bool'),
    'bad severity': lambda f: f['items'][0].update(severity='grave'),
    'rectify_days zero': lambda f: f['items'][0].update(rectify_days=0),
    'bad item id': lambda f: f['items'][0].update(id='L1'),
    'choice without choices': lambda f: f['items'][by_kind['choice']].pop('choices'),
    'choice without pass': lambda f: f['items'][by_kind['choice']].pop('pass'),
    'number without range': lambda f: f['items'][by_kind['number']].pop('min'),
    'number without unit': lambda f: f['items'][by_kind['number']].pop('unit'),
    'yesno with a range': lambda f: f['items'][by_kind['yesno']].update(min=1),
    'applies_to without tags': lambda f: f['applies_to'].pop('tags'),
    'version zero': lambda f: f.update(version=0),
}
for what, change in mistakes.items():
    if not list(v.iter_errors(mutated(change))): bad.append('schema accepts: ' + what)
print('\n'.join(bad)); sys.exit(1 if bad else 0)
"
}

@test "hujing-forms(5) renders without warnings and lists every built-in form" {
    local page="$HUJING_BUILD_DIR/man/hujing-forms.5" id
    [ -f "$page" ]
    run --separate-stderr groff -k -Tutf8 -man -ww -z "$page"
    [ "$status" -eq 0 ]
    [ -z "$stderr" ]
    for id in $(cd "$(forms_dir)" && ls -- *.yaml | sed 's/\.yaml$//'); do
        grep -qx ".B $id" "$page" || { echo "hujing-forms.5 lacks $id" >&2; return 1; }
    done
    for key in id name version unit basis applies_to items text kind required severity rectify_days; do
        grep -qx ".B $key" "$page" || { echo "hujing-forms.5 lacks key $key" >&2; return 1; }
    done
    grep -q 'hujing\\-forms (5)' "$HUJING_BUILD_DIR/man/hujing.1"
}

@test "example blocks of the man pages keep their lines whole (no break after Chinese punctuation)" {
    # The prose filter of man/CMakeLists.txt must leave .nf/.fi blocks alone.
    grep -qF '    text: 治安保卫组织或安全保卫人员、值班守门制度落实情况' "$HUJING_BUILD_DIR/man/hujing-forms.5"
    grep -qF '每月走访；专班协调治安、交通保障' "$HUJING_BUILD_DIR/man/hujing-project.1"
}
