object template direct;

# TEMPLATE is set when a DML block starts and kept while it runs: the structure templates a
# create() runs, and the templates they include, see the template that called create().
'/a' = create('s/st');
'/b' = TEMPLATE;
