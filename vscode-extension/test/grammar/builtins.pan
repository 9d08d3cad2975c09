# SYNTAX TEST "source.pan" "every builtin function (inventory section d plus the IPv6 extensions), as a call"
'/b/append' = append(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/prepend' = prepend(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/first' = first(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/next' = next(ARGV);
#           ^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/delete' = delete(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/exists' = exists(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/return' = return(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/dict' = dict(ARGV);
#           ^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/nlist' = nlist(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/list' = list(ARGV);
#           ^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_boolean' = is_boolean(ARGV);
#                 ^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_defined' = is_defined(ARGV);
#                 ^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_double' = is_double(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_long' = is_long(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_dict' = is_dict(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_list' = is_list(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_null' = is_null(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_number' = is_number(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_property' = is_property(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_resource' = is_resource(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_string' = is_string(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_nlist' = is_nlist(ARGV);
#               ^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/is_valid' = is_valid(ARGV);
#               ^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/value' = value(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/error' = error(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/length' = length(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/match' = match(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/matches' = matches(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/path_exists' = path_exists(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/to_lowercase' = to_lowercase(ARGV);
#                   ^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/to_uppercase' = to_uppercase(ARGV);
#                   ^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/to_string' = to_string(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/to_boolean' = to_boolean(ARGV);
#                 ^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/to_long' = to_long(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/to_double' = to_double(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/base64_decode' = base64_decode(ARGV);
#                    ^^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/base64_encode' = base64_encode(ARGV);
#                    ^^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/json_decode' = json_decode(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/json_encode' = json_encode(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/escape' = escape(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/unescape' = unescape(ARGV);
#               ^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/key' = key(ARGV);
#          ^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/merge' = merge(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/substr' = substr(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/replace' = replace(ARGV);
#              ^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/split' = split(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/splice' = splice(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/index' = index(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/clone' = clone(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/create' = create(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/if_exists' = if_exists(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/format' = format(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/deprecated' = deprecated(ARGV);
#                 ^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/digest' = digest(ARGV);
#             ^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/file_contents' = file_contents(ARGV);
#                    ^^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/file_exists' = file_exists(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/ip4_to_long' = ip4_to_long(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/long_to_ip4' = long_to_ip4(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/substitute' = substitute(ARGV);
#                 ^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/debug' = debug(ARGV);
#            ^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/traceback' = traceback(ARGV);
#                ^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/join' = join(ARGV);
#           ^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/max' = max(ARGV);
#          ^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/min' = min(ARGV);
#          ^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/ip6_canonical' = ip6_canonical(ARGV);
#                    ^^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/ip6_to_list' = ip6_to_list(ARGV);
#                  ^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/ip6_in_network' = ip6_in_network(ARGV);
#                     ^^^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
'/b/ip4_in_network' = ip4_in_network(ARGV);
#                     ^^^^^^^^^^^^^^ support.function.builtin.pan - entity.name.function.call.pan
variable length_of = my_length(1);
#                    ^^^^^^^^^ entity.name.function.call.pan - support.function.builtin.pan
variable N = length;
#            ^^^^^^ variable.other.pan - support.function.builtin.pan
