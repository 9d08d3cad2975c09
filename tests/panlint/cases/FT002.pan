unique template features/one/config;

include 'features/one/part';
include 'features/two/config'; # expect: FT002
include 'other/template';
