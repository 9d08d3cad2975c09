template t/inc;

include 't/functions';

'/a' = create('s/st');
'/c' = TEMPLATE;
'/d' = t_name();
